using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Scores candidates with the current ranking model (a learned model when one is loaded, else the
/// hand-set blend) over <see cref="RankingFeatures"/>, with Thompson-sampled like rates for exploration
/// candidates, then picks a diversified page: at most <see cref="FeedOptions.MaxPerCreator"/> per creator
/// and an MMR penalty on near-duplicate embeddings.
/// </summary>
public sealed class FeedRanker(FeedOptions options, RankingOptions ranking, RankingModelHolder models, IRankingExampleSink examples)
{
    /// <summary>A ranker with the hand-set blend and no feature log (tests, tools).</summary>
    public FeedRanker(FeedOptions options)
        : this(options, new RankingOptions(), new RankingModelHolder(new BlendRankingModel(new RankingOptions())), DisabledRankingExampleSink.Instance)
    {
    }

    /// <summary>The user's side of the scoring.</summary>
    /// <param name="Vector">Long-term embedding.</param>
    /// <param name="Interest">Short-term interest.</param>
    /// <param name="CreatorAffinity">Affinity per creator (followed, recently engaged); absent creators score 0.</param>
    public readonly record struct UserContext(float[] Vector, float[] Interest, IReadOnlyDictionary<string, float>? CreatorAffinity = null);

    public RankingOptions Ranking => ranking;

    public RankingModelHolder Models => models;

    public IRankingExampleSink Examples => examples;

    /// <summary>Fills the features of one candidate; explore candidates get a Thompson sample of their like rate.</summary>
    public void Features(in UserContext user, Candidate candidate, DateTimeOffset now, Random random, Span<float> features)
    {
        var video = candidate.Video;
        var s = video.Signals;
        double? sampled = null;
        if (IsNew(candidate))
        {
            var views = Math.Max(0, s.Views);
            sampled = SampleBeta(random, Math.Max(0, s.Likes) + 1.0, Math.Max(0, views - s.Likes) + 9.0);
        }

        var creator = user.CreatorAffinity is { } affinity ? affinity.GetValueOrDefault(video.CreatorId) : 0f;
        RankingFeatures.Compute(
            features, user.Vector, user.Interest, video.Vector, s.Views, s.Likes, s.Completions, s.Skips,
            candidate.CoEngagement, candidate.Trending, (now - video.RegisteredAt).TotalHours, creator, candidate.Source, sampled);
    }

    /// <summary>The model's score of one candidate; higher is better.</summary>
    public double Score(in UserContext user, Candidate candidate, DateTimeOffset now, Random random)
    {
        Span<float> features = stackalloc float[RankingFeatures.Count];
        Features(user, candidate, now, random, features);
        return models.Current.Score(features);
    }

    /// <summary>
    /// Ranks candidates and returns a diversified page of at most <paramref name="count"/> distinct videos.
    /// When <paramref name="pickedFeatures"/> is given, it receives the features of each picked video, in page order.
    /// Scratch space comes from a per-thread <see cref="RankScratch"/> (the method never awaits), so a call
    /// allocates only the page it returns (and the picked features when asked for).
    /// </summary>
    public FeedItem[] Rank(in UserContext user, IReadOnlyList<Candidate> candidates, int count, DateTimeOffset now, Random random, List<float[]>? pickedFeatures = null)
    {
        var n = candidates.Count;
        if (n == 0 || count <= 0)
        {
            return [];
        }

        var model = models.Current;
        var scratch = RankScratch.For(n);
        var scores = scratch.Scores.AsSpan(0, n);
        var penalty = scratch.Penalty.AsSpan(0, n);
        var norms = scratch.Norms.AsSpan(0, n);
        var features = scratch.Features.AsSpan(0, n * RankingFeatures.Count);
        var seen = scratch.Seen;
        var perCreator = scratch.PerCreator;
        penalty.Clear();
        for (var i = 0; i < n; i++)
        {
            var candidate = candidates[i];
            if (!seen.Add(candidate.Video.VideoId))
            {
                scores[i] = double.NegativeInfinity;
                continue;
            }

            var row = features.Slice(i * RankingFeatures.Count, RankingFeatures.Count);
            Features(user, candidate, now, random, row);
            var score = model.Score(row);
            scores[i] = float.IsFinite(score) ? score : 0;
            var v = candidate.Video.Vector;
            norms[i] = v.Length == 0 ? 0f : TensorPrimitives.Norm(v);
        }

        var page = new FeedItem[Math.Min(count, n)];
        var picked = 0;
        var exploreSlots = ExploreSlots(count);
        var explored = 0;
        while (picked < page.Length)
        {
            // The last slots of a page go to exploration (new videos), when any are left, so every feed
            // gives new videos a bounded chance at an audience, decided by their Thompson samples.
            var exploreOnly = explored < exploreSlots && count - picked <= exploreSlots - explored && HasExplore(candidates, scores);
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (exploreOnly && !IsNew(candidates[i]))
                {
                    continue;
                }

                // An exploration slot is a bandit: the Thompson sample of the like rate counts once more on
                // top of the relevance, so among equally relevant new videos the sample decides.
                var adjusted = scores[i] - penalty[i];
                if (exploreOnly)
                {
                    adjusted += features[i * RankingFeatures.Count + RankingFeatures.LikeRate];
                }
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
            ref var already = ref CollectionsMarshal.GetValueRefOrAddDefault(perCreator, creator, out _);
            if (already >= options.MaxPerCreator)
            {
                continue;
            }

            already++;
            explored += IsNew(pick) ? 1 : 0;

            // The item carries the relevance score; the diversity penalty only decides the order.
            page[picked++] = new FeedItem(pick.Video.VideoId, creator, Math.Round(score, 6), pick.Source);
            pickedFeatures?.Add(features.Slice(best * RankingFeatures.Count, RankingFeatures.Count).ToArray());
            UpdatePenalties(candidates, scores, penalty, norms, pick.Video.Vector, norms[best]);
        }

        return picked == page.Length ? page : page[..picked];
    }

    /// <summary>Slots of a page of <paramref name="count"/> reserved for exploration.</summary>
    public int ExploreSlots(int count) =>
        options.ExploreShare <= 0 || count < 2 ? 0 : Math.Max(1, (int)Math.Round(count * options.ExploreShare));

    /// <summary>A new video proposed for exploration (explore or fresh, fewer than <see cref="FeedOptions.ExploreMaxViews"/> views).</summary>
    public bool IsNew(Candidate candidate) =>
        candidate.Source is CandidateSource.Explore or CandidateSource.Fresh && candidate.Video.Signals.Views < options.ExploreMaxViews;

    private bool HasExplore(IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (IsNew(candidates[i]) && !double.IsNegativeInfinity(scores[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void UpdatePenalties(IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<double> penalty, ReadOnlySpan<float> norms, float[] picked, float pickedNorm)
    {
        if (options.DiversityPenalty <= 0 || picked.Length == 0 || pickedNorm <= 0f)
        {
            return;
        }

        // Cosine similarity with both norms computed once per call rather than once per pair.
        for (var i = 0; i < candidates.Count; i++)
        {
            if (double.IsNegativeInfinity(scores[i]) || norms[i] <= 0f)
            {
                continue;
            }

            var v = candidates[i].Video.Vector;
            if (v.Length == picked.Length)
            {
                var similarity = TensorPrimitives.Dot(picked, v) / (pickedNorm * norms[i]);
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
