using Platform.GrainInterfaces;

namespace Platform.Grains.Search;

/// <summary>
/// One shard's published videos by lower-cased tag: tag pages (trending first) and tag trends (the sum of the
/// tag's videos' trending velocities). Velocities are decayed when asked, so nothing runs between requests.
/// </summary>
internal sealed class TagIndex(TimeSpan halfLife)
{
    private readonly Dictionary<string, HashSet<DiscoveryEntry>> _byTag = new(StringComparer.Ordinal);
    private readonly List<(DiscoveryEntry Entry, double Trending)> _scratch = [];

    public int Count => _byTag.Count;

    public void Add(DiscoveryEntry entry)
    {
        foreach (var tag in entry.TagKeys)
        {
            if (!_byTag.TryGetValue(tag, out var videos))
            {
                _byTag[tag] = videos = [];
            }

            videos.Add(entry);
        }
    }

    public void Remove(DiscoveryEntry entry)
    {
        foreach (var tag in entry.TagKeys)
        {
            if (_byTag.TryGetValue(tag, out var videos) && videos.Remove(entry) && videos.Count == 0)
            {
                _byTag.Remove(tag);
            }
        }
    }

    /// <summary>The <paramref name="count"/> videos of a tag key with the highest velocity; newer first among equals.</summary>
    public SearchHit[] Videos(string tagKey, int count, DateTimeOffset now)
    {
        if (count <= 0 || !_byTag.TryGetValue(tagKey, out var videos))
        {
            return [];
        }

        _scratch.Clear();
        foreach (var entry in videos)
        {
            _scratch.Add((entry, entry.TrendingNow(now, halfLife)));
        }

        _scratch.Sort(static (a, b) => CompareHits(a.Trending, a.Entry, b.Trending, b.Entry));
        var result = new SearchHit[Math.Min(count, _scratch.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _scratch[i].Entry.ToHit(_scratch[i].Trending);
        }

        _scratch.Clear();
        return result;
    }

    /// <summary>The <paramref name="count"/> tags with the highest summed velocity (then the most videos, then by name).</summary>
    public TrendingTag[] Trending(int count, DateTimeOffset now)
    {
        if (count <= 0)
        {
            return [];
        }

        var top = new PriorityQueue<TrendingTag, TrendingTag>(count + 1, TrendingTagOrder.Worst);
        foreach (var (tag, videos) in _byTag)
        {
            var trend = Stats(tag, videos, now);
            if (top.Count < count)
            {
                top.Enqueue(trend, trend);
            }
            else if (TrendingTagOrder.Best.Compare(trend, top.Peek()) < 0)
            {
                top.DequeueEnqueue(trend, trend);
            }
        }

        var result = new TrendingTag[top.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = top.Dequeue();
        }

        return result;
    }

    /// <summary>This shard's figures for each tag key, in order (zero for a tag it does not hold).</summary>
    public TrendingTag[] Stats(string[] tagKeys, DateTimeOffset now)
    {
        var result = new TrendingTag[tagKeys.Length];
        for (var i = 0; i < tagKeys.Length; i++)
        {
            result[i] = _byTag.TryGetValue(tagKeys[i], out var videos) ? Stats(tagKeys[i], videos, now) : new TrendingTag(tagKeys[i], 0, 0);
        }

        return result;
    }

    /// <summary>Higher velocity first, then newer, then by id: the order of tag pages, here and in the merge.</summary>
    internal static int CompareHits(double trendingA, DiscoveryEntry a, double trendingB, DiscoveryEntry b)
    {
        var byTrend = trendingB.CompareTo(trendingA);
        if (byTrend != 0)
        {
            return byTrend;
        }

        var byAge = b.RegisteredAt.CompareTo(a.RegisteredAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.VideoId, b.VideoId);
    }

    private TrendingTag Stats(string tag, HashSet<DiscoveryEntry> videos, DateTimeOffset now)
    {
        var score = 0.0;
        foreach (var entry in videos)
        {
            score += entry.TrendingNow(now, halfLife);
        }

        return new TrendingTag(tag, score, videos.Count);
    }
}
