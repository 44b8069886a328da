using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Scores candidates against a user's vectors with a hand-set blend (affinity, short-term interest,
/// like and completion rates as a popularity prior, trending velocity, freshness, followed creators,
/// Thompson-sampled exploration for new videos), then picks a diversified page: at most
/// <see cref="FeedOptions.MaxPerCreator"/> per creator and an MMR penalty on near-duplicate embeddings.
/// </summary>
public sealed class FeedRanker(FeedOptions options)
{
    /// <summary>The user's side of the scoring.</summary>
    public readonly record struct UserContext(float[] Vector, float[] Interest);

    /// <summary>The blended score of one candidate; higher is better.</summary>
    public static double Score(in UserContext user, Candidate candidate, DateTimeOffset now, Random random)
    {
        var video = candidate.Video;
        var v = video.Vector;
        var s = video.Signals;

        double affinity = user.Vector.Length == v.Length ? TensorPrimitives.Dot(user.Vector, v) : 0;
        var vNorm = v.Length == 0 ? 0 : TensorPrimitives.Norm(v);
        double interest = user.Interest.Length == v.Length && vNorm > 1e-6f
            ? TensorPrimitives.Dot(user.Interest, v) / vNorm
            : 0;

        var views = Math.Max(0, s.Views);
        var likeRate = (Math.Max(0, s.Likes) + 1.0) / (views + 10.0);
        var completionRate = (Math.Max(0, s.Completions) + 1.0) / (views + 5.0);
        var skipRate = Math.Max(0, s.Skips) / (views + 10.0);
        if (candidate.Source == CandidateSource.Explore)
        {
            likeRate = SampleBeta(random, Math.Max(0, s.Likes) + 1.0, Math.Max(0, views - s.Likes) + 9.0);
        }

        var ageHours = Math.Max(0, (now - video.RegisteredAt).TotalHours);
        var score = affinity
            + 1.5 * interest
            + 2.0 * likeRate
            + 0.5 * completionRate
            - 1.0 * skipRate
            + 0.05 * Math.Log(1 + Math.Max(0, candidate.Trending))
            + 0.1 * Math.Exp(-ageHours / 24.0)
            + (candidate.Source == CandidateSource.Following ? 0.3 : 0);
        return double.IsFinite(score) ? score : 0;
    }

    /// <summary>Ranks candidates and returns a diversified page of at most <paramref name="count"/> distinct videos.</summary>
    public FeedItem[] Rank(in UserContext user, IReadOnlyList<Candidate> candidates, int count, DateTimeOffset now, Random random)
    {
        var n = candidates.Count;
        var scores = new double[n];
        var seen = new HashSet<string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            scores[i] = seen.Add(candidates[i].Video.VideoId) ? Score(user, candidates[i], now, random) : double.NegativeInfinity;
        }

        var penalty = new double[n];
        var perCreator = new Dictionary<string, int>(StringComparer.Ordinal);
        var page = new List<FeedItem>(Math.Min(count, n));
        while (page.Count < count)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var adjusted = scores[i] - penalty[i];
                if (adjusted > bestScore)
                {
                    best = i;
                    bestScore = adjusted;
                }
            }

            if (best < 0)
            {
                break;
            }

            var pick = candidates[best];
            var score = scores[best];
            scores[best] = double.NegativeInfinity;
            var creator = pick.Video.CreatorId;
            var already = perCreator.GetValueOrDefault(creator);
            if (already >= options.MaxPerCreator)
            {
                continue;
            }

            perCreator[creator] = already + 1;
            // The item carries the relevance score; the diversity penalty only decides the order.
            page.Add(new FeedItem(pick.Video.VideoId, creator, Math.Round(score, 6), pick.Source));
            UpdatePenalties(candidates, scores, penalty, pick.Video.Vector);
        }

        return [.. page];
    }

    private void UpdatePenalties(IReadOnlyList<Candidate> candidates, double[] scores, double[] penalty, float[] picked)
    {
        if (options.DiversityPenalty <= 0 || picked.Length == 0)
        {
            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (double.IsNegativeInfinity(scores[i]))
            {
                continue;
            }

            var v = candidates[i].Video.Vector;
            if (v.Length == picked.Length)
            {
                var similarity = TensorPrimitives.CosineSimilarity(picked, v);
                if (float.IsFinite(similarity))
                {
                    penalty[i] = Math.Max(penalty[i], options.DiversityPenalty * similarity);
                }
            }
        }
    }

    /// <summary>A Beta(a, b) draw through two Gamma draws (Marsaglia-Tsang), for Thompson sampling.</summary>
    public static double SampleBeta(Random random, double a, double b)
    {
        var x = SampleGamma(random, a);
        var y = SampleGamma(random, b);
        return x / (x + y);
    }

    private static double SampleGamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return SampleGamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                // Box-Muller normal draw.
                x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }
}
