using System.Numerics.Tensors;
using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// The features the ranker scores, in a fixed order shared by the hand-set blend, the learned model,
/// the feature log and the training tool. Computed by the same code online and in the evaluator.
/// </summary>
public static class RankingFeatures
{
    public const int Affinity = 0;
    public const int Interest = 1;
    public const int CoEngagement = 2;
    public const int Popularity = 3;
    public const int LikeRate = 4;
    public const int CompletionRate = 5;
    public const int SkipRate = 6;
    public const int Trending = 7;
    public const int Freshness = 8;
    public const int CreatorAffinity = 9;
    public const int Source = 10;
    public const int Count = 11;

    /// <summary>Column names, in order, as the feature log and the training tool use them.</summary>
    public static readonly string[] Names =
    [
        "affinity", "interest", "coEngagement", "popularity", "likeRate", "completionRate",
        "skipRate", "trending", "freshness", "creatorAffinity", "source",
    ];

    /// <summary>
    /// Fills <paramref name="features"/> for one candidate. Counters are smoothed toward a prior so a
    /// video with few views is neither top nor bottom; <paramref name="sampledLikeRate"/>, when given,
    /// replaces the like rate (a Thompson sample for exploration).
    /// </summary>
    public static void Compute(
        Span<float> features,
        ReadOnlySpan<float> user,
        ReadOnlySpan<float> interest,
        ReadOnlySpan<float> video,
        long views,
        long likes,
        long completions,
        long skips,
        double coEngagement,
        double trending,
        double ageHours,
        float creatorAffinity,
        CandidateSource source,
        double? sampledLikeRate = null)
    {
        var affinity = user.Length == video.Length ? TensorPrimitives.Dot(user, video) : 0f;
        var videoNorm = video.IsEmpty ? 0f : TensorPrimitives.Norm(video);
        var interestScore = interest.Length == video.Length && videoNorm > 1e-6f
            ? TensorPrimitives.Dot(interest, video) / videoNorm
            : 0f;
        views = Math.Max(0, views);
        features[Affinity] = Finite(affinity);
        features[Interest] = Finite(interestScore);
        features[CoEngagement] = Finite((float)Math.Log(1 + Math.Max(0, coEngagement)));
        features[Popularity] = (float)Math.Log(1 + views);
        features[LikeRate] = Finite((float)(sampledLikeRate ?? (Math.Max(0, likes) + 1.0) / (views + 10.0)));
        features[CompletionRate] = (float)((Math.Max(0, completions) + 1.0) / (views + 5.0));
        features[SkipRate] = (float)(Math.Max(0, skips) / (views + 10.0));
        features[Trending] = Finite((float)Math.Log(1 + Math.Max(0, trending)));
        features[Freshness] = Finite((float)Math.Exp(-Math.Max(0, ageHours) / 24.0));
        features[CreatorAffinity] = Finite(creatorAffinity);
        features[Source] = (float)source;
    }

    private static float Finite(float value) => float.IsFinite(value) ? value : 0f;
}
