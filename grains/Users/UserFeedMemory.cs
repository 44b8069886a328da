using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// The user grain's memory for its feeds beyond ranking signals: what the user did with each recent video
/// (and its title) so reasons can name it, which source served each recent impression so engagement counts
/// for that source on <c>/metrics</c>, and the silo-wide impression counts exploration orders new videos by.
/// </summary>
internal sealed class UserFeedMemory(FeedQualityMetrics metrics, ImpressionBatcher impressions, int servedHistory)
{
    /// <summary>Engaged videos remembered for reasons beyond the co-engagement anchors, before pruning.</summary>
    private const int EngagedVideoSlack = 16;

    private readonly FeedAttribution _attribution = new(servedHistory);

    /// <summary>Records one applied event on a video.</summary>
    public void Observe(UserState state, string videoId, EngagementType type, string title)
    {
        if (_attribution.Attribute(videoId, type) is { } source)
        {
            metrics.Engaged(source, type);
        }

        var engaged = state.EngagedVideos;
        if (!engaged.TryGetValue(videoId, out var video))
        {
            if (type is not (EngagementType.View or EngagementType.Like or EngagementType.Share or EngagementType.Comment))
            {
                return;
            }

            engaged[videoId] = video = new EngagedVideo();
        }

        if (title.Length > 0)
        {
            video.Title = title;
        }

        if (!video.Apply(type))
        {
            engaged.Remove(videoId);
        }

        // Only videos still among the user's recent engagements can be named (they are the anchors).
        if (engaged.Count > state.Engaged.Count + EngagedVideoSlack)
        {
            foreach (var id in engaged.Keys.ToArray())
            {
                if (!state.Engaged.Contains(id) && !string.Equals(id, videoId, StringComparison.Ordinal))
                {
                    engaged.Remove(id);
                }
            }
        }
    }

    /// <summary>Records a served page: its sources for attribution, its impressions for metrics and exploration.</summary>
    public void Served(FeedItem[] items)
    {
        _attribution.Served(items);
        metrics.Served(items);
        impressions.Served(items);
    }

    /// <summary>What the user did that this feed's reasons may name.</summary>
    public static UserFeedHistory History(UserState state, string[] followed)
    {
        var hasTaste = Norm(state.Vector) > 1e-6f || Norm(state.Interest) > 1e-6f;
        if (!hasTaste && followed.Length == 0 && state.EngagedVideos.Count == 0 && state.RecentCreators.Count == 0)
        {
            return UserFeedHistory.None;
        }

        return new UserFeedHistory(
            state.EngagedVideos,
            new HashSet<string>(followed, StringComparer.Ordinal),
            new HashSet<string>(state.RecentCreators, StringComparer.Ordinal),
            hasTaste);
    }

    private static float Norm(float[] v) => v.Length == 0 ? 0f : TensorPrimitives.Norm(v);
}
