namespace Platform.GrainInterfaces;

/// <summary>Engagement signals the ranker reads, as of the video's last report to the catalog.</summary>
/// <param name="Views">All-time views.</param>
/// <param name="Likes">All-time likes (net of unlikes).</param>
/// <param name="Completions">Views watched to at least 90%.</param>
/// <param name="Skips">All-time skips.</param>
/// <param name="Shares">All-time shares.</param>
/// <param name="RecentEngagement">Weighted engagement since the previous report, for trending velocity.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoSignals")]
public sealed record VideoSignals(
    [property: Id(0)] long Views,
    [property: Id(1)] long Likes,
    [property: Id(2)] long Completions,
    [property: Id(3)] long Skips,
    [property: Id(4)] long Shares,
    [property: Id(5)] double RecentEngagement)
{
    public static readonly VideoSignals None = new(0, 0, 0, 0, 0, 0);
}
