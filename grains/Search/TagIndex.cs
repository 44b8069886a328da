using Platform.GrainInterfaces;

namespace Platform.Grains.Search;

/// <summary>
/// One shard's published videos by lower-cased tag: tag pages (trending first) and tag trends (the sum of the tag's
/// videos' trending velocities), both without decaying anything per request. Every velocity decays with the same
/// half-life, so a video's velocity <c>v * 2^-((now - t) / h)</c> is its time-independent weight
/// <c>v * 2^((t - epoch) / h)</c> times a factor common to all; each tag keeps the sum of its videos' weights,
/// updated when a report changes one, and a request multiplies by the factor once. The epoch moves forward every
/// <see cref="RebaseHalvings"/> half-lives so the weights stay well inside a double's range.
/// </summary>
internal sealed class TagIndex(TimeSpan halfLife)
{
    private const double RebaseHalvings = 64;
    private readonly double _halfLifeSeconds = halfLife.TotalSeconds;
    private readonly Dictionary<string, Tag> _byTag = new(StringComparer.Ordinal);
    private readonly List<DiscoveryEntry> _scratch = [];
    private DateTimeOffset? _epoch;

    public int Count => _byTag.Count;

    public void Add(DiscoveryEntry entry)
    {
        entry.Weight = WeightOf(entry);
        foreach (var key in entry.TagKeys)
        {
            if (!_byTag.TryGetValue(key, out var tag))
            {
                _byTag[key] = tag = new Tag();
            }

            tag.Videos.Add(entry);
            tag.Weight += entry.Weight;
        }
    }

    public void Remove(DiscoveryEntry entry)
    {
        foreach (var key in entry.TagKeys)
        {
            if (_byTag.TryGetValue(key, out var tag) && tag.Videos.Remove(entry))
            {
                if (tag.Videos.Count == 0)
                {
                    _byTag.Remove(key);
                }
                else
                {
                    tag.Weight = Math.Max(0, tag.Weight - entry.Weight);
                }
            }
        }
    }

    /// <summary>The entry's velocity changed (<see cref="DiscoveryEntry.Trending"/> and its time): its tags' sums follow.</summary>
    public void Update(DiscoveryEntry entry)
    {
        var weight = WeightOf(entry);
        var delta = weight - entry.Weight;
        entry.Weight = weight;
        foreach (var key in entry.TagKeys)
        {
            if (_byTag.TryGetValue(key, out var tag))
            {
                tag.Weight = Math.Max(0, tag.Weight + delta);
            }
        }
    }

    /// <summary>The <paramref name="count"/> videos of a tag key with the highest velocity; newer first among equals.</summary>
    public SearchHit[] Videos(string tagKey, int count, DateTimeOffset now)
    {
        if (count <= 0 || !_byTag.TryGetValue(tagKey, out var tag))
        {
            return [];
        }

        _scratch.Clear();
        _scratch.AddRange(tag.Videos);
        _scratch.Sort(static (a, b) => CompareHits(a, b));
        var factor = Factor(now);
        var result = new SearchHit[Math.Min(count, _scratch.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _scratch[i].ToHit(_scratch[i].Weight * factor);
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

        // Ordered by weight: the factor is the same for every tag, so it is applied to the winners only.
        var top = new PriorityQueue<TrendingTag, TrendingTag>(count + 1, TrendingTagOrder.Worst);
        foreach (var (key, tag) in _byTag)
        {
            var candidate = new TrendingTag(key, tag.Weight, tag.Videos.Count);
            if (top.Count < count)
            {
                top.Enqueue(candidate, candidate);
            }
            else if (TrendingTagOrder.Best.Compare(candidate, top.Peek()) < 0)
            {
                top.DequeueEnqueue(candidate, candidate);
            }
        }

        var factor = Factor(now);
        var result = new TrendingTag[top.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            var best = top.Dequeue();
            result[i] = best with { Score = best.Score * factor };
        }

        return result;
    }

    /// <summary>This shard's figures for each tag key, in order (zero for a tag it does not hold).</summary>
    public TrendingTag[] Stats(string[] tagKeys, DateTimeOffset now)
    {
        var factor = Factor(now);
        var result = new TrendingTag[tagKeys.Length];
        for (var i = 0; i < tagKeys.Length; i++)
        {
            result[i] = _byTag.TryGetValue(tagKeys[i], out var tag)
                ? new TrendingTag(tagKeys[i], tag.Weight * factor, tag.Videos.Count)
                : new TrendingTag(tagKeys[i], 0, 0);
        }

        return result;
    }

    /// <summary>Higher velocity first (weights order like velocities), then newer, then by id.</summary>
    private static int CompareHits(DiscoveryEntry a, DiscoveryEntry b)
    {
        var byTrend = b.Weight.CompareTo(a.Weight);
        if (byTrend != 0)
        {
            return byTrend;
        }

        var byAge = b.RegisteredAt.CompareTo(a.RegisteredAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(a.VideoId, b.VideoId);
    }

    /// <summary>What turns weights into velocities at <paramref name="now"/>.</summary>
    private double Factor(DateTimeOffset now) => _epoch is { } epoch ? Math.Pow(2, -(now - epoch).TotalSeconds / _halfLifeSeconds) : 1;

    private double WeightOf(DiscoveryEntry entry)
    {
        if (entry.Trending <= 0)
        {
            return 0;
        }

        var epoch = _epoch ??= entry.TrendingAt;
        var halvings = (entry.TrendingAt - epoch).TotalSeconds / _halfLifeSeconds;
        if (halvings > RebaseHalvings)
        {
            Rebase(entry.TrendingAt);
            halvings = 0;
        }

        return entry.Trending * Math.Pow(2, halvings);
    }

    /// <summary>Moves the epoch to <paramref name="epoch"/>: every weight and sum recomputed from the velocities.</summary>
    private void Rebase(DateTimeOffset epoch)
    {
        _epoch = epoch;
        foreach (var tag in _byTag.Values)
        {
            tag.Weight = 0;
            foreach (var entry in tag.Videos)
            {
                entry.Weight = entry.Trending <= 0 ? 0 : entry.Trending * Math.Pow(2, (entry.TrendingAt - epoch).TotalSeconds / _halfLifeSeconds);
                tag.Weight += entry.Weight;
            }
        }
    }

    private sealed class Tag
    {
        public HashSet<DiscoveryEntry> Videos { get; } = [];

        /// <summary>The sum of the videos' weights.</summary>
        public double Weight { get; set; }
    }
}
