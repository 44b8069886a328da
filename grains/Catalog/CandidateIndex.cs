using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// The in-memory index of one catalog shard: every published video of the shard with its embedding
/// and signals, and the candidate sources over them (personalized retrieval, trending, fresh,
/// followed creators, co-engagement neighbours of the user's recent videos, exploration). Personalized
/// retrieval goes through a clustered (IVF) index once the shard is large, so it stays fast as the
/// catalog grows. Plain code, no Orleans.
/// </summary>
public sealed class CandidateIndex(CatalogOptions catalog, FeedOptions feed, RankingOptions? ranking = null)
{
    private readonly RankingOptions _ranking = ranking ?? new RankingOptions();
    private readonly ClusteredVectorIndex<CatalogEntry> _vectors = new(e => e.Video.Vector, catalog.ProbedClusters, catalog.MinScanned);
    private readonly CoEngagementIndex _coEngagement = new((ranking ?? new RankingOptions()).MaxNeighbours, (ranking ?? new RankingOptions()).MaxCoEngagementEdges);
    private readonly Dictionary<string, CatalogEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _live = [];
    private readonly Dictionary<string, List<CatalogEntry>> _byCreator = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _byRegistration = [];
    private const int ExploreScanLimit = 20_000;


    /// <summary>Entries with positive trending velocity, highest first (see <see cref="TrendingOrder"/>).</summary>
    private readonly SortedSet<CatalogEntry> _trending = new(new TrendingOrder(catalog.TrendingHalfLife));
    private readonly Random _random = new();

    public int Count => _entries.Count;

    public IEnumerable<CatalogVideo> Videos => _live.Select(e => e.Video);

    public bool Contains(string videoId) => _entries.ContainsKey(videoId);

    /// <summary>True once personalized retrieval scans clusters rather than every video.</summary>
    public bool UsesClusters => _vectors.IsTrained;

    /// <summary>The co-engagement edges pointing at this shard's videos, for snapshots.</summary>
    public IEnumerable<(string Anchor, string Target, float Weight)> CoEngagementEdges => _coEngagement.Edges();

    /// <summary>Restores a co-engagement edge from a snapshot.</summary>
    public void RestoreCoEngagement(string anchor, string target, float weight) => _coEngagement.Add(anchor, target, weight);

    /// <summary>
    /// Records engagements for co-engagement; keeps the edges whose target is one of this shard's videos.
    /// </summary>
    public void RecordCoEngagement(IEnumerable<CoEngagementRecord> records)
    {
        foreach (var record in records)
        {
            _coEngagement.Record(record.VideoId, record.RecentVideos, _ranking.CoEngagementWindow, _ranking.CoEngagementDecay, _entries.ContainsKey);
        }
    }

    public void Upsert(CatalogVideo video, DateTimeOffset now)
    {
        if (_entries.TryGetValue(video.VideoId, out var existing))
        {
            var moved = !ReferenceEquals(existing.Video.Vector, video.Vector);
            existing.Video = video;
            if (moved)
            {
                _vectors.Upsert(existing);
            }

            return;
        }

        var entry = new CatalogEntry(video, IdHash.Of(video.VideoId)) { TrendingAt = now };
        _entries.Add(video.VideoId, entry);
        _live.Add(entry);
        _byRegistration.Add(entry);
        _vectors.Upsert(entry);
        if (_vectors.NeedsTraining(catalog.ClusteredRetrievalThreshold))
        {
            _vectors.Train(_random);
        }

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
        _vectors.Upsert(entry);
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
        _vectors.Remove(entry);
        _coEngagement.Remove(videoId);
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
        var result = new List<Candidate>(limit * 6);
        var coScores = CoEngagementScores(query);

        void Take(CatalogEntry entry, CandidateSource source)
        {
            if (chosen.Add(entry))
            {
                var co = coScores is null ? 0 : coScores.GetValueOrDefault(entry.Video.VideoId);
                result.Add(new Candidate(entry.Video, source, TrendingAt(entry, now), co));
            }
        }

        bool Eligible(CatalogEntry e) => !ExclusionFilter.MayContain(query.Exclusion, e.Hash);

        if (coScores is not null)
        {
            var neighbours = new TopK<CatalogEntry>(limit);
            foreach (var (videoId, score) in coScores)
            {
                if (_entries.TryGetValue(videoId, out var entry) && Eligible(entry))
                {
                    neighbours.Offer(entry, score);
                }
            }

            foreach (var (entry, _) in neighbours.Drain())
            {
                Take(entry, CandidateSource.CoEngagement);
            }
        }

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

        Explore(limit, Eligible, chosen.Contains, Take);

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

    private Dictionary<string, float>? CoEngagementScores(CandidateQuery query)
    {
        if (query.RecentVideos is not { Length: > 0 } recent || _coEngagement.Anchors == 0)
        {
            return null;
        }

        var anchors = recent.Length > _ranking.CoEngagementAnchors ? recent[.._ranking.CoEngagementAnchors] : recent;
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        _coEngagement.Accumulate(anchors, CoEngagementIndex.RecencyWeights(anchors.Length, _ranking.CoEngagementDecay), scores);
        return scores.Count == 0 ? null : scores;
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

        return _vectors.Search(probe, limit, eligible);
    }

    private void Explore(int limit, Func<CatalogEntry, bool> eligible, Func<CatalogEntry, bool> chosen, Action<CatalogEntry, CandidateSource> take)
    {
        if (_live.Count == 0)
        {
            return;
        }

        // The least-exposed new videos first (random among equals), so a new video is proposed within
        // a bounded number of feeds however many older ones are still under the exploration threshold.
        // Large shards scan a random window: bounded work per query.
        var start = _random.Next(_live.Count);
        var budget = Math.Min(_live.Count, ExploreScanLimit);
        var least = new TopK<CatalogEntry>(limit);
        for (var i = 0; i < budget; i++)
        {
            var entry = _live[(start + i) % _live.Count];
            var views = entry.Video.Signals.Views;
            if (views < feed.ExploreMaxViews && !chosen(entry) && eligible(entry))
            {
                least.Offer(entry, -views + _random.NextDouble() * 0.5);
            }
        }

        foreach (var (entry, _) in least.Drain())
        {
            take(entry, CandidateSource.Explore);
        }
    }

    private double TrendingAt(CatalogEntry entry, DateTimeOffset now)
    {
        var age = (now - entry.TrendingAt).TotalSeconds;
        return age <= 0 ? entry.Trending : entry.Trending * Math.Pow(0.5, age / catalog.TrendingHalfLife.TotalSeconds);
    }
}
