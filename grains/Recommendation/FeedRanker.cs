using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Scores candidates with the current ranking model (a learned model when one is loaded, else the
/// hand-set blend) over <see cref="RankingFeatures"/>, then orders a page under the request's
/// <see cref="FeedSettings"/>: an MMR penalty on near-duplicate embeddings, at most
/// <see cref="FeedSettings.MaxPerCreator"/> per creator (softened for creators the user follows or engaged
/// with) and no run of one creator while others are left,
/// Thompson-sampled exploration slots for new videos. Diversity orders the page and never shortens it:
/// the page holds <c>count</c> items whenever that many distinct candidates are allowed.
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
    /// <param name="History">What the user did, which the items' reasons may name; null: no personal reasons.</param>
    public readonly record struct UserContext(
        float[] Vector, float[] Interest, IReadOnlyDictionary<string, float>? CreatorAffinity = null, UserFeedHistory? History = null);

    public RankingOptions Ranking => ranking;

    public RankingModelHolder Models => models;

    public IRankingExampleSink Examples => examples;

    /// <summary>The platform's default settings (<c>Platform:Feed</c>), used when a request brings none.</summary>
    public FeedSettings Defaults { get; } = new(
        FeedSettings.AllSources, options.ExploreShare, options.DiversityPenalty, options.MaxPerCreator);

    /// <summary>
    /// Fills the features of one candidate. They carry no random draw: a new video's like rate is its
    /// posterior mean over its impressions; exploration's Thompson sample only decides the order (see <see cref="Rank(in UserContext, IReadOnlyList{Candidate}, FeedSettings, int, DateTimeOffset, Random, List{float[]})"/>).
    /// </summary>
    public void Features(in UserContext user, Candidate candidate, DateTimeOffset now, Span<float> features)
    {
        var video = candidate.Video;
        var s = video.Signals;
        double? likeRate = null;
        if (IsNew(candidate))
        {
            var (alpha, beta) = LikePosterior(candidate);
            likeRate = alpha / (alpha + beta);
        }

        var creator = user.CreatorAffinity is { } affinity ? affinity.GetValueOrDefault(video.CreatorId) : 0f;
        RankingFeatures.Compute(
            features, user.Vector, user.Interest, video.Vector, s.Views, s.Likes, s.Completions, s.Skips,
            candidate.CoEngagement, candidate.Trending, (now - video.RegisteredAt).TotalHours, creator, candidate.Source, likeRate);
    }

    /// <summary>The model's score of one candidate; higher is better. Deterministic.</summary>
    public double Score(in UserContext user, Candidate candidate, DateTimeOffset now)
    {
        Span<float> features = stackalloc float[RankingFeatures.Count];
        Features(user, candidate, now, features);
        return models.Current.Score(features);
    }

    /// <summary>Ranks a page under the platform's default settings.</summary>
    public FeedItem[] Rank(in UserContext user, IReadOnlyList<Candidate> candidates, int count, DateTimeOffset now, Random random, List<float[]>? pickedFeatures = null) =>
        Rank(user, candidates, Defaults, count, now, random, pickedFeatures);

    /// <summary>
    /// Ranks candidates and returns a page of <paramref name="count"/> distinct videos (fewer only when fewer
    /// distinct candidates of the allowed sources exist), each with its relevance score and its reason.
    /// <paramref name="random"/> draws the exploration samples, and nothing else. When
    /// <paramref name="pickedFeatures"/> is given, it receives the features of each picked video, in page order;
    /// <paramref name="model"/> replaces the platform's current model (an experiment variant's).
    /// Scratch space comes from a per-thread <see cref="RankScratch"/> (the method never awaits), so a call
    /// allocates only the page it returns (and the picked features and reasons).
    /// </summary>
    public FeedItem[] Rank(in UserContext user, IReadOnlyList<Candidate> candidates, FeedSettings settings, int count, DateTimeOffset now, Random random, List<float[]>? pickedFeatures = null, IRankingModel? model = null)
    {
        var n = candidates.Count;
        if (n == 0 || count <= 0)
        {
            return [];
        }

        model ??= models.Current;
        var scratch = RankScratch.For(n);
        var scores = scratch.Scores.AsSpan(0, n);
        var penalty = scratch.Penalty.AsSpan(0, n);
        var norms = scratch.Norms.AsSpan(0, n);
        var samples = scratch.Samples.AsSpan(0, n);
        var features = scratch.Features.AsSpan(0, n * RankingFeatures.Count);
        var seen = scratch.Seen;
        var perCreator = scratch.PerCreator;
        penalty.Clear();
        var available = 0;
        var newLeft = 0;
        for (var i = 0; i < n; i++)
        {
            var candidate = candidates[i];
            samples[i] = double.NaN;
            if (!settings.Uses(candidate.Source) || !seen.Add(candidate.Video.VideoId))
            {
                scores[i] = double.NegativeInfinity;
                continue;
            }

            var row = features.Slice(i * RankingFeatures.Count, RankingFeatures.Count);
            Features(user, candidate, now, row);
            var score = model.Score(row);
            scores[i] = float.IsFinite(score) ? score : 0;
            var v = candidate.Video.Vector;
            norms[i] = v.Length == 0 ? 0f : TensorPrimitives.Norm(v);
            available++;
            if (IsNew(candidate))
            {
                var (alpha, beta) = LikePosterior(candidate);
                samples[i] = SampleBeta(random, alpha, beta);
                newLeft++;
            }
        }

        var page = new FeedItem[Math.Min(count, available)];
        var picked = 0;
        var exploreSlots = ExploreSlots(settings, count);
        var explored = 0;
        string? previous = null;
        Span<int> best = stackalloc int[4];
        Span<double> bestScore = stackalloc double[4];
        while (picked < page.Length)
        {
            // The last slots of a page go to exploration (new videos), when any are left: to the least served
            // first (by bands of powers of two), so every upload reaches an audience within a bounded number of
            // feeds; within a band the slot is a bandit: the Thompson sample of the like rate counts on top of
            // the relevance, so a video people like keeps winning over one they skip.
            var exploreOnly = explored < exploreSlots && count - picked <= exploreSlots - explored && newLeft > 0;

            // Best per tier: 0 = within the creator cap, not the previous item's creator; 1 = past the cap, not
            // the previous item's creator (the page is filled rather than shortened); 2 and 3 = the same, of the
            // previous item's creator (a run, only when nothing else is left). A creator the user follows or
            // engaged with may pass the cap within tier 0, paying the diversity penalty once more for each video
            // past it, so a page follows what the user wants without turning into one creator's channel.
            best.Fill(-1);
            bestScore.Fill(double.NegativeInfinity);
            for (var i = 0; i < n; i++)
            {
                if (double.IsNegativeInfinity(scores[i]) || (exploreOnly && double.IsNaN(samples[i])))
                {
                    continue;
                }

                var adjusted = scores[i] - penalty[i];
                if (exploreOnly)
                {
                    // Fewest impressions first (by powers of two), then relevance plus the Thompson sample.
                    adjusted += samples[i] - ExposureBand(candidates[i]) * ExposureBandWeight;
                }

                var creator = candidates[i].Video.CreatorId;
                var past = perCreator.GetValueOrDefault(creator) - settings.MaxPerCreator;
                var tier = string.Equals(creator, previous, StringComparison.Ordinal) ? 2 : 0;
                if (past >= 0)
                {
                    if (features[i * RankingFeatures.Count + RankingFeatures.CreatorAffinity] > 0f)
                    {
                        adjusted -= settings.DiversityPenalty * (past + 1);
                    }
                    else
                    {
                        tier++;
                    }
                }

                if (adjusted > bestScore[tier])
                {
                    best[tier] = i;
                    bestScore[tier] = adjusted;
                }
            }

            var pickIndex = best[0] >= 0 ? best[0] : best[1] >= 0 ? best[1] : best[2] >= 0 ? best[2] : best[3];
            if (pickIndex < 0)
            {
                break;
            }

            var pick = candidates[pickIndex];
            var score = scores[pickIndex];
            scores[pickIndex] = double.NegativeInfinity;
            previous = pick.Video.CreatorId;
            perCreator[previous] = perCreator.GetValueOrDefault(previous) + 1;
            if (!double.IsNaN(samples[pickIndex]))
            {
                explored++;
                newLeft--;
            }

            // The item carries the relevance score; diversity and exploration only decide the order.
            page[picked++] = new FeedItem(pick.Video.VideoId, previous, Math.Round(score, 6), pick.Source, Reason: FeedReasons.For(pick, user.History));
            pickedFeatures?.Add(features.Slice(pickIndex * RankingFeatures.Count, RankingFeatures.Count).ToArray());
            UpdatePenalties(candidates, scores, penalty, norms, pick.Video.Vector, norms[pickIndex], settings.DiversityPenalty);
        }

        return picked == page.Length ? page : page[..picked];
    }

    /// <summary>Larger than any score difference: a lower exposure band always wins an exploration slot.</summary>
    private const double ExposureBandWeight = 1e3;

    /// <summary>The band of a candidate's exposure (impressions, or views when more): 0 for none, then 1, 2-3, 4-7, ...</summary>
    private static int ExposureBand(Candidate candidate)
    {
        var exposure = (ulong)Math.Max(0, Math.Max(candidate.Impressions, candidate.Video.Signals.Views));
        return 64 - System.Numerics.BitOperations.LeadingZeroCount(exposure);
    }

    /// <summary>Slots of a page of <paramref name="count"/> reserved for exploration under the default settings.</summary>
    public int ExploreSlots(int count) => ExploreSlots(Defaults, count);

    /// <summary>Slots of a page of <paramref name="count"/> reserved for exploration.</summary>
    public static int ExploreSlots(FeedSettings settings, int count) =>
        settings.ExploreShare <= 0 || count < 2 ? 0 : Math.Max(1, (int)Math.Round(count * settings.ExploreShare));

    /// <summary>
    /// A new video proposed for exploration: explore or fresh, served (or viewed) fewer than
    /// <see cref="FeedOptions.ExploreMaxImpressions"/> times.
    /// </summary>
    public bool IsNew(Candidate candidate) =>
        candidate.Source is CandidateSource.Explore or CandidateSource.Fresh
        && Math.Max(candidate.Impressions, candidate.Video.Signals.Views) < options.ExploreMaxImpressions;

    /// <summary>
    /// Beta posterior of a video's like rate per impression, from a prior of 1 like in 10: an impression
    /// nobody liked (scrolled past, skipped) counts against it as a view without a like does.
    /// </summary>
    private static (double Alpha, double Beta) LikePosterior(Candidate candidate)
    {
        var s = candidate.Video.Signals;
        var likes = Math.Max(0, s.Likes);
        var shown = Math.Max(Math.Max(0, s.Views), candidate.Impressions);
        return (likes + 1.0, Math.Max(0, shown - likes) + 9.0);
    }

    private static void UpdatePenalties(IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<double> penalty, ReadOnlySpan<float> norms, float[] picked, float pickedNorm, float weight)
    {
        if (weight <= 0 || picked.Length == 0 || pickedNorm <= 0f)
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
                    penalty[i] = Math.Max(penalty[i], weight * similarity);
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
