using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Search;

/// <summary>
/// Discovery over one catalog shard's published videos: full-text search (<see cref="SearchIndex"/>), tag pages and
/// tag trends (<see cref="TagIndex"/>). It holds exactly the videos the shard's catalog holds, because the shard hands
/// it the same upserts and removals: whatever takes a video out of feeds takes it out of discovery in the same call.
/// Plain code, no Orleans; not thread-safe (one grain's turns).
/// </summary>
public sealed class DiscoveryIndex : IDisposable
{
    private readonly SearchOptions _options;
    private readonly TimeSpan _halfLife;
    private readonly Dictionary<string, DiscoveryEntry> _byVideo = new(StringComparer.Ordinal);
    private readonly Dictionary<long, DiscoveryEntry> _byKey = [];
    private readonly SearchIndex _text;
    private readonly TagIndex _tags;
    private readonly Func<long, double> _weight;
    private readonly List<(long Key, double Score)> _found = [];
    private long _nextKey;

    public DiscoveryIndex(SearchOptions options, CatalogOptions catalog, TimeProvider time)
    {
        _options = options;
        _halfLife = catalog.TrendingHalfLife;
        _text = new SearchIndex(options.RefreshInterval, time);
        _tags = new TagIndex(_halfLife);
        _weight = key => _byKey.TryGetValue(key, out var entry) ? entry.Boost : 0;
    }

    public int Count => _byVideo.Count;

    /// <summary>Distinct (lower-cased) tags.</summary>
    public int TagCount => _tags.Count;

    /// <summary>Bytes of the full-text index's files (see <see cref="SearchIndex.SizeInBytes"/>).</summary>
    public long TextIndexBytes => _text.SizeInBytes;

    /// <summary>Adds a published video or updates it; its text is indexed again only when its title or tags changed.</summary>
    public void Upsert(CatalogVideo video)
    {
        var title = video.Title ?? "";
        var tags = video.Tags ?? [];
        if (!_byVideo.TryGetValue(video.VideoId, out var entry))
        {
            entry = new DiscoveryEntry(++_nextKey, video.VideoId);
            _byVideo.Add(video.VideoId, entry);
            _byKey.Add(entry.Key, entry);
        }
        else if (entry.Title == title && entry.Tags.AsSpan().SequenceEqual(tags))
        {
            entry.CreatorId = video.CreatorId;
            entry.Boost = EngagementBoost.Of(video.Signals, _options);
            return;
        }
        else
        {
            _tags.Remove(entry);
        }

        entry.CreatorId = video.CreatorId;
        entry.Title = title;
        entry.Tags = tags;
        entry.TagKeys = DiscoveryEntry.KeysOf(tags);
        entry.RegisteredAt = video.RegisteredAt;
        entry.Boost = EngagementBoost.Of(video.Signals, _options);
        _tags.Add(entry);
        _text.Put(video.VideoId, entry.Key, title, tags);
    }

    /// <summary>A video's latest signals: its search boost and trending velocity (ignored for videos not held).</summary>
    public void Report(string videoId, VideoSignals signals, DateTimeOffset now)
    {
        if (!_byVideo.TryGetValue(videoId, out var entry))
        {
            return;
        }

        var trending = entry.TrendingNow(now, _halfLife) + signals.RecentEngagement;
        entry.Trending = double.IsFinite(trending) && trending > 0 ? trending : 0;
        entry.TrendingAt = now;
        entry.Boost = EngagementBoost.Of(signals, _options);
        _tags.Update(entry);
    }

    /// <summary>Removes a video: it is out of every result from this call on (the text reader is filtered by key).</summary>
    public bool Remove(string videoId)
    {
        if (!_byVideo.Remove(videoId, out var entry))
        {
            return false;
        }

        _byKey.Remove(entry.Key);
        _tags.Remove(entry);
        _text.Delete(videoId);
        return true;
    }

    /// <summary>Makes every change so far searchable now (after loading a shard).</summary>
    public void Refresh() => _text.Refresh();

    /// <summary>The best <paramref name="count"/> matches of a query over titles and tags, best first.</summary>
    public SearchHit[] Search(string query, int count)
    {
        _found.Clear();
        _text.Search(query, count, _weight, _found);
        var hits = new List<SearchHit>(_found.Count);
        foreach (var (key, score) in _found)
        {
            if (_byKey.TryGetValue(key, out var entry))
            {
                hits.Add(entry.ToHit(score));
            }
        }

        _found.Clear();
        hits.Sort(SearchHitOrder.Instance);
        return [.. hits];
    }

    /// <summary>The <paramref name="count"/> most trending videos with a tag (any case).</summary>
    public SearchHit[] TagVideos(string tag, int count, DateTimeOffset now) => _tags.Videos(tag.ToLowerInvariant(), count, now);

    /// <summary>The <paramref name="count"/> tags with the highest engagement velocity here.</summary>
    public TrendingTag[] TrendingTags(int count, DateTimeOffset now) => _tags.Trending(count, now);

    /// <summary>This shard's figures for the given lower-cased tags, in order.</summary>
    public TrendingTag[] TagStats(string[] tagKeys, DateTimeOffset now) => _tags.Stats(tagKeys, now);

    public void Dispose() => _text.Dispose();
}
