using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// The in-memory index of one catalog shard: every published video of the shard with its embedding
/// and signals, and the candidate sources over them (personalized retrieval, trending, fresh,
/// followed creators, exploration). Plain code, no Orleans.
/// </summary>
public sealed class CandidateIndex(CatalogOptions catalog, FeedOptions feed)
{
    private readonly Dictionary<string, CatalogEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _live = [];
    private readonly Dictionary<string, List<CatalogEntry>> _byCreator = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _byRegistration = [];

    /// <summary>Entries with positive trending velocity, highest first (see <see cref="TrendingOrder"/>).</summary>
    private readonly SortedSet<CatalogEntry> _trending = new(new TrendingOrder(catalog.TrendingHalfLife));
    private readonly Random _random = new();

    public int Count => _entries.Count;

    public IEnumerable<CatalogVideo> Videos => _live.Select(e => e.Video);

    public bool Contains(string videoId) => _entries.ContainsKey(videoId);

    public void Upsert(CatalogVideo video, DateTimeOffset now)
    {
        if (_entries.TryGetValue(video.VideoId, out var existing))
        {
            existing.Video = video;
            return;
        }

        var entry = new CatalogEntry(video, IdHash.Of(video.VideoId)) { TrendingAt = now };
        _entries.Add(video.VideoId, entry);
        _live.Add(entry);
        _byRegistration.Add(entry);
        if (!_byCreator.TryGetValue(video.CreatorId, out var list))
        {
            _byCreator[video.CreatorId] = list = [];
        }

        list.Add(entry);
    }

    public void Report(string videoId, float[] vector, VideoSignals signals, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(videoId, out var entry))
        {
            return;
        }

        _trending.Remove(entry);
        entry.Trending = TrendingAt(entry, now) + signals.RecentEngagement;
        entry.TrendingAt = now;
        if (entry.Trending > 0 && double.IsFinite(entry.Trending))
        {
            _trending.Add(entry);
        }

        entry.Video = entry.Video with { Vector = vector, Signals = signals };
    }

    public bool Remove(string videoId)
    {
        if (!_entries.Remove(videoId, out var entry))
        {
            return false;
        }

        entry.Removed = true;
        _trending.Remove(entry);
        _live.Remove(entry);
        _byRegistration.Remove(entry);
        var list = _byCreator[entry.Video.CreatorId];
        list.Remove(entry);
        if (list.Count == 0)
        {
            _byCreator.Remove(entry.Video.CreatorId);
        }

        return true;
    }

    /// <summary>Proposes up to <see cref="CandidateQuery.PerSourceLimit"/> videos from each source, each video once.</summary>
    public Candidate[] Query(CandidateQuery query, DateTimeOffset now)
    {
        var limit = query.PerSourceLimit;
        var chosen = new HashSet<CatalogEntry>(ReferenceEqualityComparer.Instance);
        var result = new List<Candidate>(limit * 5);

        void Take(CatalogEntry entry, CandidateSource source)
        {
            if (chosen.Add(entry))
            {
                result.Add(new Candidate(entry.Video, source, TrendingAt(entry, now)));
            }
        }

        bool Eligible(CatalogEntry e) => !ExclusionFilter.MayContain(query.Exclusion, e.Hash);

        foreach (var creator in query.FollowedCreators)
        {
            if (_byCreator.TryGetValue(creator, out var videos))
            {
                var taken = 0;
                for (var i = videos.Count - 1; i >= 0 && taken < feed.MaxPerCreator; i--)
                {
                    if (Eligible(videos[i]))
                    {
                        Take(videos[i], CandidateSource.Following);
                        taken++;
                    }
                }
            }
        }

        foreach (var (entry, _) in Personalized(query, limit, Eligible))
        {
            Take(entry, CandidateSource.Personalized);
        }

        // Highest velocity first; reads only as far as the first `limit` eligible entries.
        var trending = 0;
        foreach (var entry in _trending)
        {
            if (trending >= limit)
            {
                break;
            }

            if (Eligible(entry))
            {
                Take(entry, CandidateSource.Trending);
                trending++;
            }
        }

        var fresh = 0;
        for (var i = _byRegistration.Count - 1; i >= 0 && fresh < limit; i--)
        {
            var entry = _byRegistration[i];
            if (now - entry.Video.RegisteredAt > catalog.FreshWindow)
            {
                break;
            }

            if (Eligible(entry) && !chosen.Contains(entry))
            {
                Take(entry, CandidateSource.Fresh);
                fresh++;
            }
        }

        Explore(limit, Eligible, Take);

        // A catalog younger than the fresh window with no engagement yet still has to fill feeds.
        if (result.Count < limit)
        {
            foreach (var entry in _live)
            {
                if (result.Count >= limit)
                {
                    break;
                }

                if (Eligible(entry))
                {
                    Take(entry, CandidateSource.Explore);
                }
            }
        }

        return [.. result];
    }

    private List<(CatalogEntry Item, double Score)> Personalized(CandidateQuery query, int limit, Func<CatalogEntry, bool> eligible)
    {
        if (query.UserVector.Length == 0 || _live.Count == 0)
        {
            return [];
        }

        Span<float> probe = stackalloc float[query.UserVector.Length];
        query.UserVector.CopyTo(probe);
        if (query.InterestVector.Length == probe.Length)
        {
            TensorPrimitives.MultiplyAdd(query.InterestVector, 2f, probe, probe);
        }

        if (TensorPrimitives.Norm(probe) < 1e-6f)
        {
            return [];
        }

        var top = new TopK<CatalogEntry>(limit);
        foreach (var entry in _live)
        {
            var vector = entry.Video.Vector;
            if (vector.Length == probe.Length)
            {
                var score = TensorPrimitives.Dot(probe, vector);
                if (eligible(entry))
                {
                    top.Offer(entry, score);
                }
            }
        }

        return top.Drain();
    }

    private void Explore(int limit, Func<CatalogEntry, bool> eligible, Action<CatalogEntry, CandidateSource> take)
    {
        if (_live.Count == 0)
        {
            return;
        }

        // Random probes over the shard, keeping new (rarely viewed) videos: bounded work per query.
        var start = _random.Next(_live.Count);
        var budget = Math.Min(_live.Count, limit * 20);
        var taken = 0;
        for (var i = 0; i < budget && taken < limit; i++)
        {
            var entry = _live[(start + i) % _live.Count];
            if (entry.Video.Signals.Views < feed.ExploreMaxViews && eligible(entry))
            {
                take(entry, CandidateSource.Explore);
                taken++;
            }
        }
    }

    private double TrendingAt(CatalogEntry entry, DateTimeOffset now)
    {
        var age = (now - entry.TrendingAt).TotalSeconds;
        return age <= 0 ? entry.Trending : entry.Trending * Math.Pow(0.5, age / catalog.TrendingHalfLife.TotalSeconds);
    }
}
