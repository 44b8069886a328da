using Platform.GrainInterfaces;

namespace Platform.Grains.Search;

/// <summary>A published video as discovery holds it: what results show, its tags and its engagement.</summary>
internal sealed class DiscoveryEntry(long key, string videoId)
{
    /// <summary>The video's key in the <see cref="SearchIndex"/> (never reused within one index).</summary>
    public long Key { get; } = key;

    public string VideoId { get; } = videoId;

    public string CreatorId { get; set; } = "";

    public string Title { get; set; } = "";

    public string[] Tags { get; set; } = [];

    /// <summary>The tags lower-cased and without repeats: the keys of the video's tag pages.</summary>
    public string[] TagKeys { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>What search multiplies the video's text relevance by (see <see cref="EngagementBoost"/>).</summary>
    public double Boost { get; set; } = 1;

    /// <summary>Decayed weighted engagement as of <see cref="TrendingAt"/> (as the catalog's trending source keeps it).</summary>
    public double Trending { get; set; }

    public DateTimeOffset TrendingAt { get; set; }

    /// <summary>The velocity in <see cref="TagIndex"/>'s time-independent units (ordered like velocities at any time).</summary>
    public double Weight { get; set; }

    /// <summary>The trending velocity decayed to <paramref name="now"/>.</summary>
    public double TrendingNow(DateTimeOffset now, TimeSpan halfLife)
    {
        var age = (now - TrendingAt).TotalSeconds;
        return age <= 0 ? Trending : Trending * Math.Pow(0.5, age / halfLife.TotalSeconds);
    }

    public SearchHit ToHit(double score) => new(VideoId, CreatorId, Title, Tags, score, RegisteredAt);

    /// <summary>Lower-cased distinct tags (invariant culture: the same on every silo).</summary>
    public static string[] KeysOf(string[] tags)
    {
        if (tags.Length == 0)
        {
            return [];
        }

        var keys = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var key = tag.ToLowerInvariant();
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }
}
