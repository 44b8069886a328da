using Platform.GrainInterfaces;
using Platform.Grains.Engagement;
using Platform.Grains.Options;

namespace Platform.Grains.Experiments;

/// <summary>
/// One user's side of the running experiments, held by the user's grain activation: which variant the
/// user is in (by hash, from the silo's <see cref="ExperimentDirectory"/>), what each served video's
/// impression was attributed to, and which of the user's events on those videos count, once per
/// impression and metric, within <see cref="ExperimentOptions.AttributionWindow"/>. Counts go to the
/// silo's <see cref="ExperimentCounter"/>; nothing here calls a grain.
/// </summary>
public sealed class UserExperiments(string userId, ExperimentDirectory directory, ExperimentCounter counter, ExperimentOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Impression> _impressions = new(StringComparer.Ordinal);
    private readonly Queue<(string VideoId, Impression Impression)> _order = new();

    /// <summary>This activation's impressions and likes per experiment: the user's cluster in the like rate's variance.</summary>
    private readonly Dictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);
    private long _version = long.MinValue;
    private AssignedVariant[] _assigned = [];

    /// <summary>The user's variants of every running experiment (an empty array when none runs).</summary>
    public AssignedVariant[] Assigned
    {
        get
        {
            var running = directory.Current;
            if (running.Version != _version)
            {
                _assigned = [.. running.Experiments.Select(e => new AssignedVariant(e, ExperimentAssignment.VariantOf(e.ExperimentId, userId, e.Variants)))];
                _version = running.Version;
            }

            return _assigned;
        }
    }

    /// <summary>
    /// Records that <paramref name="items"/> were served under <paramref name="assigned"/>: an impression
    /// each, and the user among each variant's users the first time (<paramref name="counted"/> says
    /// which experiments already have the user; true is returned when it grew and must be written).
    /// </summary>
    public bool Served(IReadOnlyList<FeedItem> items, AssignedVariant[] assigned, HashSet<string> counted)
    {
        if (assigned.Length == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var grew = false;
        foreach (var a in assigned)
        {
            long k = items.Count;
            counter.Add(a.Experiment, a.Variant, ExperimentMetric.Impressions, k);
            if (!_clusters.TryGetValue(a.Experiment.ExperimentId, out var cluster))
            {
                _clusters[a.Experiment.ExperimentId] = cluster = new Cluster();
                counter.Add(a.Experiment, a.Variant, ExperimentMetric.Clusters);
            }

            counter.Add(a.Experiment, a.Variant, ExperimentMetric.ImpressionsSquared, 2 * cluster.Impressions * k + k * k);
            counter.Add(a.Experiment, a.Variant, ExperimentMetric.LikesTimesImpressions, cluster.Likes * k);
            cluster.Impressions += k;
            if (counted.Add(a.Experiment.ExperimentId))
            {
                counter.Add(a.Experiment, a.Variant, ExperimentMetric.Users);
                grew = true;
            }
        }

        foreach (var item in items)
        {
            var impression = new Impression(now, assigned);
            _impressions[item.VideoId] = impression;
            _order.Enqueue((item.VideoId, impression));
        }

        Forget(now);
        return grew;
    }

    /// <summary>Counts an applied event on <paramref name="videoId"/> under every metric its rule moves.</summary>
    public void Engaged(string videoId, EngagementRule rule, long watchMs, int durationMs)
    {
        if (_impressions.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();

        if (rule.Views > 0)
        {
            Engaged(videoId, ExperimentMetric.Views, now);
        }

        if (rule.Completes(watchMs, durationMs))
        {
            Engaged(videoId, ExperimentMetric.Completions, now);
        }

        if (rule.Likes > 0)
        {
            Engaged(videoId, ExperimentMetric.Likes, now);
        }

        if (rule.Shares > 0)
        {
            Engaged(videoId, ExperimentMetric.Shares, now);
        }

        if (rule.Skips > 0)
        {
            Engaged(videoId, ExperimentMetric.Skips, now);
        }

        if (rule.Comments > 0)
        {
            Engaged(videoId, ExperimentMetric.Comments, now);
        }
    }

    /// <summary>Counts the user's metric on <paramref name="videoId"/> for the variants that served it, once per impression.</summary>
    private void Engaged(string videoId, ExperimentMetric metric, DateTimeOffset now)
    {
        if (!_impressions.TryGetValue(videoId, out var impression) || now - impression.At > options.AttributionWindow)
        {
            return;
        }

        var bit = 1 << (int)metric;
        if ((impression.Counted & bit) != 0)
        {
            return;
        }

        impression.Counted |= bit;
        foreach (var a in impression.Variants)
        {
            counter.Add(a.Experiment, a.Variant, metric);
            if (metric == ExperimentMetric.Likes && _clusters.TryGetValue(a.Experiment.ExperimentId, out var cluster))
            {
                counter.Add(a.Experiment, a.Variant, ExperimentMetric.LikesSquared, 2 * cluster.Likes + 1);
                counter.Add(a.Experiment, a.Variant, ExperimentMetric.LikesTimesImpressions, cluster.Impressions);
                cluster.Likes++;
            }
        }
    }

    /// <summary>Drops impressions past the window or over the bound, oldest first.</summary>
    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest)
            && (_order.Count > options.MaxImpressionsPerUser || now - oldest.Impression.At > options.AttributionWindow))
        {
            _order.Dequeue();
            if (_impressions.TryGetValue(oldest.VideoId, out var current) && ReferenceEquals(current, oldest.Impression))
            {
                _impressions.Remove(oldest.VideoId);
            }
        }
    }

    private sealed class Cluster
    {
        public long Impressions { get; set; }

        public long Likes { get; set; }
    }

    private sealed class Impression(DateTimeOffset at, AssignedVariant[] variants)
    {
        public DateTimeOffset At { get; } = at;

        public AssignedVariant[] Variants { get; } = variants;

        public int Counted { get; set; }
    }
}
