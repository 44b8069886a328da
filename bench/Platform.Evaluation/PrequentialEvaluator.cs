using System.Globalization;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Evaluation;

/// <summary>
/// Replays a rating log through the platform's own learning and scoring code, prequentially: sorted by
/// time (stable), every rating is a view and a rating of 4 or more is also a like; before each like the
/// user's top 10 among the items seen so far (not yet viewed by that user) is asked for and a hit
/// counted when the liked item is in it; then the event is applied. The popularity baseline ranks by
/// all-time views under the same protocol. Ranks with the hand-set blend unless a learned model is given.
/// </summary>
public sealed class PrequentialEvaluator(
    LearningOptions learning,
    RankingOptions ranking,
    TextWriter? featureLog = null,
    IRankingModel? model = null,
    ItemModelOptions? itemModel = null,
    int itemModelRefreshEvents = PrequentialEvaluator.DefaultItemModelRefreshEvents)
{
    /// <summary>Engagements between two refreshes of the item-item model (the silo refreshes on a timer instead).</summary>
    public const int DefaultItemModelRefreshEvents = 2000;

    private const int TopN = 10;
    private const double LikeThreshold = 4;

    // A rating says the user watched the item: it is replayed as a complete view of a nominal duration.
    private const int NominalDurationMs = 60_000;

    private readonly OnlineLearner _learner = new(learning);
    private readonly IRankingModel _model = model ?? new BlendRankingModel(ranking);
    private readonly CoEngagementIndex _coEngagement = new(ranking.MaxNeighbours, halfLife: ranking.CoEngagementHalfLife);
    private readonly List<Item> _items = [];
    private readonly Dictionary<string, int> _itemIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly float[] _anchorWeights = CoEngagementIndex.RecencyWeights(ranking.CoEngagementAnchors, ranking.CoEngagementDecay);
    private readonly Random _random = new(17);
    private readonly ItemModelOptions _itemOptions = itemModel ?? new ItemModelOptions();
    private ItemItemModel? _itemModel;
    private int _sinceRefresh;

    /// <summary>Seconds spent building the item-item model, and how many times.</summary>
    public double ItemModelSeconds { get; private set; }

    public int ItemModelRefreshes { get; private set; }

    public EvaluationResult Run(IReadOnlyList<Rating> log, TextWriter? progress = null)
    {
        var ordered = log.Select((r, i) => (r, i)).OrderBy(x => x.r.Timestamp).ThenBy(x => x.i).Select(x => x.r).ToList();
        var likes = 0;
        var hits = 0;
        var popularityHits = 0;
        var ndcg = 0.0;
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        var features = new float[RankingFeatures.Count];
        var top = new (int Item, float Score)[TopN];
        var popular = new (int Item, long Views)[TopN];
        var sample = new List<(int Item, float[] Features)>();

        for (var e = 0; e < ordered.Count; e++)
        {
            var rating = ordered[e];
            var user = UserOf(rating.UserId);
            var isLike = rating.Value >= LikeThreshold;
            _itemIndex.TryGetValue(rating.ItemId, out var known);
            var target = _itemIndex.ContainsKey(rating.ItemId) ? known : -1;
            if (isLike)
            {
                likes++;
                var rank = RankForUser(user, target, scores, features, top, sample);
                if (rank >= 0)
                {
                    hits++;
                    ndcg += 1 / Math.Log2(rank + 2);
                }

                if (target >= 0 && PopularityRank(user, target, popular))
                {
                    popularityHits++;
                }
            }

            Apply(user, ItemOf(rating.ItemId), isLike, DateTimeOffset.FromUnixTimeSeconds(rating.Timestamp));
            if (progress is not null && (e + 1) % 20000 == 0)
            {
                progress.WriteLine($"{e + 1} events, recall@10 {(double)hits / Math.Max(1, likes):F4}, popularity {(double)popularityHits / Math.Max(1, likes):F4}");
            }
        }

        return new EvaluationResult(
            ordered.Count,
            likes,
            Math.Round((double)hits / Math.Max(1, likes), 4),
            Math.Round((double)popularityHits / Math.Max(1, likes), 4),
            Math.Round(ndcg / Math.Max(1, likes), 4),
            0);
    }

    /// <summary>The 0-based rank of <paramref name="target"/> in the user's top 10, or -1.</summary>
    private int RankForUser(User user, int target, Dictionary<string, float> scores, float[] features, (int Item, float Score)[] top, List<(int, float[])> sample)
    {
        scores.Clear();
        var anchors = user.RecentFirst(ranking.CoEngagementAnchors);
        _coEngagement.Accumulate(anchors, _anchorWeights, scores);
        _itemModel?.Accumulate(anchors, _anchorWeights, _itemOptions.Weight, scores);

        var filled = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            if (user.Viewed.Contains(i))
            {
                continue;
            }

            var item = _items[i];
            RankingFeatures.Compute(
                features, user.Vector, user.Interest, item.Vector, item.Views, item.Likes, item.Completions, 0,
                scores.GetValueOrDefault(item.Id), 0, 0, 0, CandidateSource.Personalized);
            var score = _model.Score(features);
            if (featureLog is not null && (i == target || _random.NextDouble() < 0.002))
            {
                sample.Add((i, (float[])features.Clone()));
            }

            filled = Offer(top, filled, i, score);
        }

        if (featureLog is not null)
        {
            foreach (var (item, f) in sample)
            {
                WriteExample(item == target ? 1 : 0, f);
            }

            sample.Clear();
        }

        for (var r = 0; r < filled; r++)
        {
            if (top[r].Item == target)
            {
                return r;
            }
        }

        return -1;
    }

    private static int Offer((int Item, float Score)[] top, int filled, int item, float score)
    {
        if (filled == top.Length && score <= top[filled - 1].Score)
        {
            return filled;
        }

        var pos = filled == top.Length ? filled - 1 : filled;
        while (pos > 0 && top[pos - 1].Score < score)
        {
            top[pos] = top[pos - 1];
            pos--;
        }

        top[pos] = (item, score);
        return Math.Min(filled + 1, top.Length);
    }

    private bool PopularityRank(User user, int target, (int Item, long Views)[] popular)
    {
        var filled = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            if (user.Viewed.Contains(i))
            {
                continue;
            }

            var views = _items[i].Views;
            if (filled == popular.Length && views <= popular[filled - 1].Views)
            {
                continue;
            }

            var pos = filled == popular.Length ? filled - 1 : filled;
            while (pos > 0 && popular[pos - 1].Views < views)
            {
                popular[pos] = popular[pos - 1];
                pos--;
            }

            popular[pos] = (i, views);
            filled = Math.Min(filled + 1, popular.Length);
        }

        for (var r = 0; r < filled; r++)
        {
            if (popular[r].Item == target)
            {
                return true;
            }
        }

        return false;
    }

    private void Apply(User user, int index, bool isLike, DateTimeOffset at)
    {
        var item = _items[index];
        if (CoEngagementIndex.IsPositive(EngagementType.View, NominalDurationMs, NominalDurationMs, ranking.CoEngagementMinWatch))
        {
            var recent = user.RecentFirst(ranking.CoEngagementWindow);
            _coEngagement.Advance(at);
            _coEngagement.Record(item.Id, recent, ranking.CoEngagementWindow, ranking.CoEngagementDecay);
            user.Recent.Add(item.Id);
            if (_itemOptions.Weight > 0 && ++_sinceRefresh >= itemModelRefreshEvents)
            {
                RefreshItemModel();
            }
        }

        // As the user grain does: the video learns from the user's taste before this rating's events.
        var taste = _learner.TasteVector(user.Vector, user.Interest);
        Learn(user, item, taste, OnlineLearner.Target(EngagementType.View, NominalDurationMs, NominalDurationMs)!.Value);
        if (isLike)
        {
            Learn(user, item, taste, OnlineLearner.Target(EngagementType.Like, 0, 0)!.Value);
            item.Likes++;
        }

        item.Views++;
        item.Completions++;
        user.Viewed.Add(index);
    }

    /// <summary>Rebuilds the item-item model as a silo does, from the co-engagement index as its one part.</summary>
    private void RefreshItemModel()
    {
        _sinceRefresh = 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _itemModel = ItemModelRefresh.BuildAsync(
            1,
            (_, count) => Task.FromResult(_coEngagement.MostEngagedTargets(count)),
            (_, items) => Task.FromResult(_coEngagement.EdgesAmong(items)),
            _itemOptions).GetAwaiter().GetResult() ?? _itemModel;
        ItemModelSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        ItemModelRefreshes++;
    }

    /// <summary>The same steps the user and video grains take on one event.</summary>
    private void Learn(User user, Item item, float[] taste, float target)
    {
        _learner.Step(user.Vector, item.Vector, target);
        _learner.UpdateInterest(user.Interest, item.Vector, target);
        _learner.Step(item.Vector, taste, target);
    }

    private void WriteExample(int label, float[] features)
    {
        featureLog!.Write(label.ToString(CultureInfo.InvariantCulture));
        foreach (var f in features)
        {
            featureLog.Write('\t');
            featureLog.Write(f.ToString("R", CultureInfo.InvariantCulture));
        }

        featureLog.WriteLine();
    }

    private User UserOf(string id)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            _users[id] = user = new User(new float[learning.Dimensions], new float[learning.Dimensions]);
        }

        return user;
    }

    private int ItemOf(string id)
    {
        if (!_itemIndex.TryGetValue(id, out var index))
        {
            index = _items.Count;
            var videoId = "i" + id;
            _items.Add(new Item(videoId, _learner.SeedVideo(videoId, [])));
            _itemIndex[id] = index;
        }

        return index;
    }

    private sealed class Item(string id, float[] vector)
    {
        public string Id { get; } = id;

        public float[] Vector { get; } = vector;

        public long Views { get; set; }

        public long Likes { get; set; }

        /// <summary>Complete views: every rating is replayed as one, as the video grain counts them.</summary>
        public long Completions { get; set; }
    }

    private sealed class User(float[] vector, float[] interest)
    {
        public float[] Vector { get; } = vector;

        public float[] Interest { get; } = interest;

        public HashSet<int> Viewed { get; } = [];

        public List<string> Recent { get; } = [];

        public List<string> RecentFirst(int count)
        {
            var n = Math.Min(count, Recent.Count);
            var result = new List<string>(n);
            for (var i = Recent.Count - 1; i >= Recent.Count - n; i--)
            {
                result.Add(Recent[i]);
            }

            return result;
        }
    }
}
