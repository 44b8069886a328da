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
public sealed class CandidateIndex(CatalogOptions catalog, FeedOptions feed, RankingOptions? ranking = null, Random? random = null)
{
    private readonly RankingOptions _ranking = ranking ?? new RankingOptions();
    private readonly ClusteredVectorIndex<CatalogEntry> _vectors = new(e => e.Video.Vector, catalog.ProbedClusters, catalog.MinScanned, e => e.Hash);
    private readonly CoEngagementIndex _coEngagement = new((ranking ?? new RankingOptions()).MaxNeighbours, (ranking ?? new RankingOptions()).MaxCoEngagementEdges, (ranking ?? new RankingOptions()).CoEngagementHalfLife);
    private readonly Dictionary<string, CatalogEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _live = [];
    private readonly Dictionary<string, List<CatalogEntry>> _byCreator = new(StringComparer.Ordinal);
    private readonly List<CatalogEntry> _byRegistration = [];
    private readonly ExploreBuckets _explore = new(feed.ExploreMaxImpressions);
    private readonly SnapshotPages _pages = new(catalog.SnapshotPages);

    // The two callbacks co-engagement records take, made once (a method group is a new delegate at every use).
    private Func<string, bool>? _isLocal;
    private Action<string>? _anchorChanged;
    private readonly Dictionary<string, float> _coScores = new(StringComparer.Ordinal);
    private long _queries;

    // The current query's working state (see Query).
    private readonly List<Candidate> _result = [];
    private readonly List<(CatalogEntry Item, double Score)> _found = [];
    private ulong[] _exclusion = [];
    private DateTimeOffset _queryNow;
    private Dictionary<string, float>? _queryCoScores;
    private string[]? _queryAnchors;
    private TopK<CatalogEntry>? _neighbours;
    private Func<CatalogEntry, bool>? _exploreAccept;

    /// <summary>Entries the exploration source reads per query at most, per candidate it may propose.</summary>
    private const int ExploreScanPerCandidate = 64;

    /// <summary>Entries with positive trending velocity, highest first (see <see cref="TrendingOrder"/>).</summary>
    private readonly SortedSet<CatalogEntry> _trending = new(new TrendingOrder(catalog.TrendingHalfLife));
    private readonly Random _random = random ?? new Random();

    public int Count => _entries.Count;

    /// <summary>The fingerprints of the shard's videos, for near-duplicate lookups.</summary>
    public FingerprintIndex Fingerprints { get; } = new();

    public IEnumerable<CatalogVideo> Videos => _live.Select(e => e.Video);

    public bool Contains(string videoId) => _entries.ContainsKey(videoId);

    /// <summary>True once personalized retrieval scans clusters rather than every video.</summary>
    public bool UsesClusters => _vectors.IsTrained;

    /// <summary>The co-engagement edges pointing at this shard's videos, for snapshots.</summary>
    public IEnumerable<(string Anchor, string Target, float Weight)> CoEngagementEdges => _coEngagement.Edges();

    /// <summary>The silo's item-item model, whose scores are added to co-engagement for this shard's videos (null: none).</summary>
    public ItemModelHolder? ItemModels { get; set; }

    /// <summary>This shard's videos among those the item-item model covers (<see cref="ItemModelColumns"/>).</summary>
    private ItemModelColumns? _itemColumns;

    /// <summary>The shard's most co-engaged videos (see <see cref="CoEngagementIndex.MostEngagedTargets"/>).</summary>
    public ItemActivity[] MostEngaged(int count) => _coEngagement.MostEngagedTargets(count);

    /// <summary>The co-engagement edges among <paramref name="items"/> pointing at this shard's videos.</summary>
    public ItemEdgeList EdgesAmong(IReadOnlyList<string> items) => _coEngagement.EdgesAmong(items);

    /// <summary>Number of snapshot pages (<see cref="CatalogOptions.SnapshotPages"/>).</summary>
    public int SnapshotPageCount => _pages.Count;

    /// <summary>Restores a co-engagement edge from a snapshot.</summary>
    public void RestoreCoEngagement(string anchor, string target, float weight)
    {
        _coEngagement.Add(anchor, target, weight);
        _pages.AnchorChanged(anchor);
    }

    /// <summary>
    /// The snapshot pages to write now (see <see cref="SnapshotPages.Take"/>), cleared of their changes;
    /// pass a page back through <see cref="RetrySnapshotPage"/> when its write fails.
    /// </summary>
    public void TakeChangedPages(int maxSoft, List<int> pages) => _pages.Take(maxSoft, pages);

    /// <summary>The current content of one snapshot page.</summary>
    public CatalogShardPage SnapshotPage(int page) => _pages.Snapshot(page, _coEngagement);

    /// <summary>Marks a page whose write failed for the next snapshot.</summary>
    public void RetrySnapshotPage(int page) => _pages.Retry(page);

    /// <summary>Marks every page for writing (a snapshot in an older layout was loaded).</summary>
    public void MarkAllPagesChanged()
    {
        for (var p = 0; p < _pages.Count; p++)
        {
            _pages.Retry(p);
        }
    }

    /// <summary>
    /// Records engagements for co-engagement, as of <paramref name="now"/> (older edges fade by
    /// <see cref="RankingOptions.CoEngagementHalfLife"/>); keeps the edges whose target is one of this shard's videos.
    /// </summary>
    public void RecordCoEngagement(IEnumerable<CoEngagementRecord> records, DateTimeOffset? now = null)
    {
        if (now is { } at)
        {
            _coEngagement.Advance(at);
        }

        _isLocal ??= _entries.ContainsKey;
        _anchorChanged ??= _pages.AnchorChanged;
        foreach (var record in records)
        {
            _coEngagement.Record(record.VideoId, record.RecentVideos, _ranking.CoEngagementWindow, _ranking.CoEngagementDecay, _isLocal, record.Ranks, _anchorChanged);
        }
    }

    public void Upsert(CatalogVideo video, DateTimeOffset now)
    {
        Fingerprints.Upsert(video.VideoId, video.CreatorId, video.Fingerprint);
        if (_entries.TryGetValue(video.VideoId, out var existing))
        {
            var moved = !ReferenceEquals(existing.Video.Vector, video.Vector);
            existing.Video = video;
            if (moved)
            {
                _vectors.Upsert(existing);
            }

            _explore.Update(existing);
            _pages.Changed(video.VideoId);
            return;
        }

        var entry = new CatalogEntry(video, IdHash.Of(video.VideoId)) { TrendingAt = now };
        _entries.Add(video.VideoId, entry);
        _live.Add(entry);
        _byRegistration.Add(entry);
        _pages.Add(entry);
        _explore.Update(entry);
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
        _explore.Update(entry);
        _pages.Changed(videoId);
    }

    public bool Remove(string videoId)
    {
        if (!_entries.Remove(videoId, out var entry))
        {
            return false;
        }

        entry.Removed = true;
        Fingerprints.Remove(videoId);
        _trending.Remove(entry);
        _live.Remove(entry);
        _byRegistration.Remove(entry);
        _explore.Remove(entry);
        _pages.Remove(entry);
        _vectors.Remove(entry);
        _coEngagement.Remove(videoId);

        // Edges pointing at the video are dropped from every anchor's list, whatever its page.
        _pages.AllChanged();
        var list = _byCreator[entry.Video.CreatorId];
        list.Remove(entry);
        if (list.Count == 0)
        {
            _byCreator.Remove(entry.Video.CreatorId);
        }

        return true;
    }

    /// <summary>Proposes up to <see cref="CandidateQuery.PerSourceLimit"/> videos from each source, each video once.</summary>
    /// <remarks>
    /// The query's working state lives in fields and its delegates are created once, so a query allocates
    /// little beyond the candidates it returns. Safe because a query runs synchronously to its end: a
    /// shard's turns never interleave inside it.
    /// </remarks>
    public Candidate[] Query(CandidateQuery query, DateTimeOffset now)
    {
        var limit = query.PerSourceLimit;
        // Each query stamps the entries it takes: "already chosen" is one field compare, no set per query.
        ++_queries;
        _exclusion = query.Exclusion;
        _queryNow = now;
        _result.Clear();
        _queryCoScores = CoEngagementScores(query);
        _queryAnchors = _queryCoScores is null ? null : query.RecentVideos;

        if (_queryCoScores is not null)
        {
            var neighbours = _neighbours ??= new TopK<CatalogEntry>(limit);
            neighbours.Reset(limit);
            foreach (var (videoId, score) in _queryCoScores)
            {
                if (_entries.TryGetValue(videoId, out var entry) && IsEligible(entry))
                {
                    neighbours.Offer(entry, score);
                }
            }

            _found.Clear();
            neighbours.DrainInto(_found);
            foreach (var (entry, _) in _found)
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
                    if (IsEligible(videos[i]))
                    {
                        Take(videos[i], CandidateSource.Following);
                        taken++;
                    }
                }
            }
        }

        _found.Clear();
        Personalized(query, limit, _found);
        foreach (var (entry, _) in _found)
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

            if (IsEligible(entry))
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

            if (IsEligible(entry) && !IsChosen(entry))
            {
                Take(entry, CandidateSource.Fresh);
                fresh++;
            }
        }

        // The least-exposed new videos first (random among equals), so a new video is proposed within
        // a bounded number of feeds however many older ones are still under the exploration threshold.
        _explore.Take(limit, limit * ExploreScanPerCandidate, _random, _exploreAccept ??= TakeForExploration);

        // A catalog younger than the fresh window with no engagement yet still has to fill feeds.
        if (_result.Count < limit)
        {
            foreach (var entry in _live)
            {
                if (_result.Count >= limit)
                {
                    break;
                }

                if (IsEligible(entry))
                {
                    Take(entry, CandidateSource.Explore);
                }
            }
        }

        var result = _result.ToArray();
        _result.Clear();
        _found.Clear();
        _queryCoScores = null;
        _queryAnchors = null;
        _exclusion = [];
        return result;
    }

    private bool IsChosen(CatalogEntry entry) => entry.QueryStamp == _queries;

    private bool IsEligible(CatalogEntry entry) => !ExclusionFilter.MayContain(_exclusion, entry.Hash);

    private void Take(CatalogEntry entry, CandidateSource source)
    {
        if (entry.QueryStamp != _queries)
        {
            entry.QueryStamp = _queries;
            var co = _queryCoScores is null ? 0 : _queryCoScores.GetValueOrDefault(entry.Video.VideoId);
            var anchor = co > 0 ? StrongestAnchor(entry.Video.VideoId) : null;
            _result.Add(new Candidate(entry.Video, source, TrendingAt(entry, _queryNow), co, entry.Impressions, anchor));
        }
    }

    private bool TakeForExploration(CatalogEntry entry)
    {
        if (IsChosen(entry) || !IsEligible(entry))
        {
            return false;
        }

        Take(entry, CandidateSource.Explore);
        return true;
    }

    /// <summary>
    /// The user's recent video whose edge to <paramref name="videoId"/>, weighted by its recency, is the
    /// strongest: the video a feed reason names ("Because you liked ...").
    /// </summary>
    private string? StrongestAnchor(string videoId)
    {
        if (_queryAnchors is not { } anchors)
        {
            return null;
        }

        string? strongest = null;
        var best = 0f;
        var weight = 1f;
        var n = Math.Min(anchors.Length, _ranking.CoEngagementAnchors);
        for (var a = 0; a < n; a++)
        {
            var contribution = weight * _coEngagement.Weight(anchors[a], videoId);
            if (contribution > best)
            {
                best = contribution;
                strongest = anchors[a];
            }

            weight *= _ranking.CoEngagementDecay;
        }

        return strongest;
    }

    /// <summary>Counts feed impressions of a video of this shard; exploration orders new videos by them.</summary>
    public void RecordImpressions(string videoId, long count)
    {
        if (count <= 0 || !_entries.TryGetValue(videoId, out var entry))
        {
            return;
        }

        entry.Impressions += count;
        _explore.Update(entry);
        _pages.Changed(videoId);
    }

    /// <summary>Restores a video's impressions from a snapshot.</summary>
    public void RestoreImpressions(string videoId, long impressions)
    {
        if (_entries.TryGetValue(videoId, out var entry))
        {
            entry.Impressions = Math.Max(entry.Impressions, impressions);
            _explore.Update(entry);
        }
    }

    /// <summary>A video's impressions (0 when unknown).</summary>
    public long ImpressionsOf(string videoId) => _entries.TryGetValue(videoId, out var entry) ? entry.Impressions : 0;

    /// <summary>
    /// The newest videos of the query's creators, newest first: up to <see cref="FollowingQuery.Count"/> outside
    /// the exclusion filter, and those inside it met before (possible false positives the caller checks exactly).
    /// </summary>
    public FollowedVideo[] Following(FollowingQuery query)
    {
        var found = new List<CatalogEntry>();
        foreach (var creator in query.Creators)
        {
            if (_byCreator.TryGetValue(creator, out var videos))
            {
                found.AddRange(videos);
            }
        }

        found.Sort(static (a, b) => b.Video.RegisteredAt.CompareTo(a.Video.RegisteredAt) is var c and not 0
            ? c
            : string.CompareOrdinal(a.Video.VideoId, b.Video.VideoId));
        var result = new List<FollowedVideo>(Math.Min(found.Count, query.Count));
        var outside = 0;
        foreach (var entry in found)
        {
            if (outside >= query.Count)
            {
                break;
            }

            outside += ExclusionFilter.MayContain(query.Exclusion, entry.Hash) ? 0 : 1;
            var video = entry.Video;
            result.Add(new FollowedVideo(video.VideoId, video.CreatorId, video.Title ?? "", video.RegisteredAt));
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
        var scores = _coScores;
        scores.Clear();
        var weights = CoEngagementIndex.RecencyWeights(anchors.Length, _ranking.CoEngagementDecay);
        _coEngagement.Accumulate(anchors, weights, scores);
        if (ItemModels is { Weight: > 0, Current: { } model } holder)
        {
            _itemColumns ??= new ItemModelColumns(_entries.ContainsKey);
            model.Accumulate(anchors, weights, holder.Weight, scores, _itemColumns.For(model));
        }

        return scores.Count == 0 ? null : scores;
    }

    private void Personalized(CandidateQuery query, int limit, List<(CatalogEntry Item, double Score)> into)
    {
        if (query.UserVector.Length == 0 || _live.Count == 0)
        {
            return;
        }

        Span<float> probe = stackalloc float[query.UserVector.Length];
        query.UserVector.CopyTo(probe);
        if (query.InterestVector.Length == probe.Length)
        {
            TensorPrimitives.MultiplyAdd(query.InterestVector, 2f, probe, probe);
        }

        if (TensorPrimitives.Norm(probe) < 1e-6f)
        {
            return;
        }

        // Eligibility is the exclusion filter alone, tested on the keys the index keeps beside the vectors.
        _vectors.Search(probe, limit, null, query.Exclusion, into);
    }

    private double TrendingAt(CatalogEntry entry, DateTimeOffset now)
    {
        var age = (now - entry.TrendingAt).TotalSeconds;
        return age <= 0 ? entry.Trending : entry.Trending * Math.Pow(0.5, age / catalog.TrendingHalfLife.TotalSeconds);
    }
}
