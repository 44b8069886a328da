using System.Diagnostics.Metrics;
using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Live recommendation quality by feed source, exported on <c>/metrics</c>: impressions (items served in feed
/// pages) and the views, likes and skips those impressions earned, each counted once per impression and type,
/// so an operator sees each source's like rate (likes / impressions) move.
/// </summary>
public sealed class FeedQualityMetrics
{
    /// <summary>The meter the gateway exports on <c>/metrics</c> (the API's own meter name).</summary>
    public const string MeterName = "Platform";

    private static readonly KeyValuePair<string, object?>[] SourceTags = Enum.GetValues<CandidateSource>()
        .Select(s => new KeyValuePair<string, object?>("source", JsonName(s)))
        .ToArray();

    private readonly Counter<long> _impressions;
    private readonly Counter<long> _views;
    private readonly Counter<long> _likes;
    private readonly Counter<long> _skips;

    public FeedQualityMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _impressions = meter.CreateCounter<long>("platform.feed.impressions", "{impression}", "Videos served in feed pages, by feed source.");
        _views = meter.CreateCounter<long>("platform.feed.views", "{view}", "Views of served videos, once per impression, by the source that served them.");
        _likes = meter.CreateCounter<long>("platform.feed.likes", "{like}", "Likes of served videos, once per impression, by the source that served them.");
        _skips = meter.CreateCounter<long>("platform.feed.skips", "{skip}", "Skips of served videos, once per impression, by the source that served them.");
    }

    /// <summary>Counts the impressions of a served page.</summary>
    public void Served(FeedItem[] items)
    {
        foreach (var item in items)
        {
            _impressions.Add(1, Tag(item.Source));
        }
    }

    /// <summary>Counts an engagement with a video the user was served by <paramref name="source"/>.</summary>
    public void Engaged(CandidateSource source, EngagementType type)
    {
        var counter = type switch
        {
            EngagementType.View => _views,
            EngagementType.Like => _likes,
            EngagementType.Skip => _skips,
            _ => null,
        };
        counter?.Add(1, Tag(source));
    }

    /// <summary>True for the engagement types counted by source.</summary>
    public static bool Counts(EngagementType type) => type is EngagementType.View or EngagementType.Like or EngagementType.Skip;

    private static KeyValuePair<string, object?> Tag(CandidateSource source) =>
        (uint)source < (uint)SourceTags.Length ? SourceTags[(int)source] : new("source", JsonName(source));

    private static string JsonName(CandidateSource source)
    {
        var name = source.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
