using Platform.GrainInterfaces;
using Platform.Grains.Engagement;
using Platform.Grains.Storage;

namespace Platform.Grains.Ads;

/// <summary>
/// What ads need to know about one user, kept in the user's state and bounded: the tags of videos the user
/// engaged with (targeting), how often each campaign was shown today (frequency cap), and the last ads served
/// (click and conversion attribution). Ids are never renumbered.
/// </summary>
[GenerateSerializer, Alias("Platform.UserAdState")]
public sealed class UserAdState
{
    /// <summary>Tags (lower case) of recently engaged videos, oldest first.</summary>
    [Id(0)] public RecentIds InterestTags { get; set; } = new();

    /// <summary>The UTC day (days since 0001-01-01) <see cref="ShownToday"/> counts.</summary>
    [Id(1)] public int Day { get; set; }

    /// <summary>Impressions per campaign on <see cref="Day"/>.</summary>
    [Id(2)] public Dictionary<string, int> ShownToday { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The most recent ads served, oldest first.</summary>
    [Id(3)] public List<ServedAd> Served { get; set; } = [];

    /// <summary>Times the campaign was shown to the user on the UTC day of <paramref name="now"/>.</summary>
    public int ShownOn(string campaignId, DateTimeOffset now) =>
        Day == DayOf(now) ? ShownToday.GetValueOrDefault(campaignId) : 0;

    /// <summary>Whether the user's engagement shows interest in one of the tags (no tags: everyone).</summary>
    public bool InterestedIn(string[] lowerCaseTags)
    {
        if (lowerCaseTags.Length == 0)
        {
            return true;
        }

        foreach (var tag in lowerCaseTags)
        {
            if (InterestTags.Contains(tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Learns interests from an engagement whose rules say it shows interest (<see cref="EngagementRule.ShowsInterest"/>).</summary>
    public void Observe(EngagementType type, long watchMs, int durationMs, string[]? tags, int capacity)
    {
        if (tags is not { Length: > 0 })
        {
            return;
        }

        var interested = EngagementRules.For(type).ShowsInterest(watchMs, durationMs);
        if (!interested)
        {
            return;
        }

        foreach (var tag in tags)
        {
            var lower = tag.ToLowerInvariant();

            // Re-adding moves a tag to the newest end, so the oldest interests are the ones forgotten.
            InterestTags.Remove(lower);
            InterestTags.Add(lower, capacity);
        }
    }

    /// <summary>Counts an impression against the cap and remembers it for attribution.</summary>
    public void Record(string campaignId, string videoId, DateTimeOffset now, int kept)
    {
        var day = DayOf(now);
        if (Day != day)
        {
            Day = day;
            ShownToday.Clear();
        }

        ShownToday[campaignId] = ShownToday.GetValueOrDefault(campaignId) + 1;
        Served.Add(new ServedAd { VideoId = videoId, CampaignId = campaignId, At = now });
        if (Served.Count > kept)
        {
            Served.RemoveRange(0, Served.Count - kept);
        }
    }

    /// <summary>The most recent ad of this video served to the user, or null.</summary>
    public ServedAd? LastServed(string videoId)
    {
        for (var i = Served.Count - 1; i >= 0; i--)
        {
            if (Served[i].VideoId == videoId)
            {
                return Served[i];
            }
        }

        return null;
    }

    private static int DayOf(DateTimeOffset now) => (int)(now.UtcTicks / TimeSpan.TicksPerDay);
}
