using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Engagement;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// The user grain's part in co-engagement, creator affinity and the ranking feature log: remembers the
/// user's recent videos and creators, turns each new engagement into a <see cref="CoEngagementRecord"/>
/// for the catalog shards, and labels the features of served videos with what the user did with them.
/// </summary>
internal sealed class UserFeedSignals(FeedRanker ranker, int shards)
{
    private const int RecentCreatorLimit = 100;
    private const int CreatorSaturation = 5;
    private const int ImpressionLimit = 300;

    private readonly RankingOptions _ranking = ranker.Ranking;
    private readonly List<CoEngagementRecord> _pending = [];
    private readonly Dictionary<string, Impression> _impressions = new(StringComparer.Ordinal);
    private int _generation;

    /// <summary>Learns from one applied event on a video.</summary>
    public void Observe(UserState state, string videoId, EngagementType type, long watchMs, int durationMs, string creatorId)
    {
        LabelImpression(videoId, type);
        if (!CoEngagementIndex.IsPositive(type, watchMs, durationMs, _ranking.CoEngagementMinWatch))
        {
            return;
        }

        var recent = RecentVideos(state, _ranking.CoEngagementWindow);
        if (!state.Engaged.Add(videoId, Math.Max(_ranking.CoEngagementWindow, _ranking.CoEngagementAnchors) * 2))
        {
            return;
        }

        if (recent.Length > 0)
        {
            _pending.Add(new CoEngagementRecord(videoId, recent));
        }

        if (creatorId.Length > 0)
        {
            state.RecentCreators.Add(creatorId);
            if (state.RecentCreators.Count > RecentCreatorLimit + RecentCreatorLimit / 4)
            {
                state.RecentCreators.RemoveRange(0, state.RecentCreators.Count - RecentCreatorLimit);
            }
        }
    }

    /// <summary>Hands the pending co-engagement records to the silo's batcher, for each shard that keeps one of their edges.</summary>
    public void Flush(CoEngagementBatcher batcher)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var record in _pending)
        {
            foreach (var (shard, part) in CoEngagementRouting.Split(record, shards))
            {
                batcher.Add(shard, part);
            }
        }

        _pending.Clear();
    }

    /// <summary>The user's most recent engaged videos, most recent first.</summary>
    public static string[] RecentVideos(UserState state, int count)
    {
        var result = state.Engaged.Last(count);
        Array.Reverse(result);
        return result;
    }

    /// <summary>Creator affinity: 1 for a followed creator, plus up to 1 for recent engagement with the creator.</summary>
    public static Dictionary<string, float> CreatorAffinity(UserState state, IEnumerable<string> followed)
    {
        var affinity = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var creator in state.RecentCreators)
        {
            affinity[creator] = Math.Min(1f, affinity.GetValueOrDefault(creator) + 1f / CreatorSaturation);
        }

        foreach (var creator in followed)
        {
            affinity[creator] = affinity.GetValueOrDefault(creator) + 1f;
        }

        return affinity;
    }

    /// <summary>Remembers the features of served videos, and logs the last feed's viewed-but-not-liked ones as negatives.</summary>
    public void Served(FeedItem[] items, List<float[]> features)
    {
        var sink = ranker.Examples;
        if (!sink.Enabled)
        {
            return;
        }

        _generation++;
        List<string>? done = null;
        foreach (var (videoId, impression) in _impressions)
        {
            if (impression.Viewed || _generation - impression.Generation > 3)
            {
                if (impression.Viewed)
                {
                    sink.Write(impression.Features, engaged: false, impression.Reason);
                }

                (done ??= []).Add(videoId);
            }
        }

        foreach (var videoId in done ?? [])
        {
            _impressions.Remove(videoId);
        }

        for (var i = 0; i < items.Length && i < features.Count && _impressions.Count < ImpressionLimit; i++)
        {
            _impressions[items[i].VideoId] = new Impression(features[i], _generation, items[i].Reason);
        }
    }

    private void LabelImpression(string videoId, EngagementType type)
    {
        if (!_impressions.TryGetValue(videoId, out var impression))
        {
            return;
        }

        switch (EngagementRules.For(type).Label)
        {
            case TrainingLabel.Engaged:
                ranker.Examples.Write(impression.Features, engaged: true, impression.Reason);
                _impressions.Remove(videoId);
                break;
            case TrainingLabel.NotEngaged:
                ranker.Examples.Write(impression.Features, engaged: false, impression.Reason);
                _impressions.Remove(videoId);
                break;
            case TrainingLabel.Viewed:
                impression.Viewed = true;
                break;
        }
    }

    private sealed class Impression(float[] features, int generation, FeedReason? reason)
    {
        public FeedReason? Reason { get; } = reason;

        public float[] Features { get; } = features;

        public int Generation { get; } = generation;

        public bool Viewed { get; set; }
    }
}
