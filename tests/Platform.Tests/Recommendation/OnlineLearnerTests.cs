using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Recommendation;

public sealed class OnlineLearnerTests
{
    private readonly OnlineLearner _learner = new(new LearningOptions());

    [Fact]
    public void LikeMovesTheUserTowardTheVideoAndSkipAway()
    {
        var video = _learner.SeedVideo("v-1", ["cooking"]);
        var liker = new float[video.Length];
        var skipper = _learner.SeedVideo("u-seed", []);
        var skipperBefore = TensorPrimitives.Dot(skipper, video);

        for (var i = 0; i < 20; i++)
        {
            _learner.Step(liker, video, OnlineLearner.Target(EngagementType.Like, 0, 0)!.Value);
            _learner.Step(skipper, video, OnlineLearner.Target(EngagementType.Skip, 0, 0)!.Value);
        }

        Assert.True(TensorPrimitives.Dot(liker, video) > 0.05f);
        Assert.True(TensorPrimitives.Dot(skipper, video) < skipperBefore);
    }

    [Fact]
    public void AdversarialUpdatesKeepVectorsBoundedAndFinite()
    {
        var options = new LearningOptions();
        var user = _learner.SeedVideo("u", []);
        var video = _learner.SeedVideo("v", []);
        var interest = new float[user.Length];
        var random = new Random(1);
        float[] targets = [1f, -1f, 1e30f, -1e30f, float.NaN, float.PositiveInfinity];
        for (var i = 0; i < 200_000; i++)
        {
            var target = targets[random.Next(targets.Length)];
            _learner.Step(user, video, target);
            _learner.Step(video, user, target);
            _learner.UpdateInterest(interest, video, random.NextSingle() * 2 - 1);
        }

        Assert.InRange(TensorPrimitives.Norm(user), 0f, options.MaxNorm + 1e-3f);
        Assert.InRange(TensorPrimitives.Norm(video), 0f, options.MaxNorm + 1e-3f);
        Assert.InRange(TensorPrimitives.Norm(interest), 0f, 1f + 1e-3f);
        Assert.True(float.IsFinite(TensorPrimitives.Dot(user, video)));
    }

    /// <summary>
    /// Two million adversarial events between one user and one video, applied the way the grains apply them:
    /// the user grain sends its taste (<see cref="OnlineLearner.TasteVector"/>) and the video steps toward it per event
    /// (VideoGrain.ApplyEngagementAsync); the user then steps toward the video's vector from before the batch and
    /// moves its interest (UserGrain.Learn). Event types, watch times at both extremes of what the API accepts,
    /// durations and batch sizes are chosen to push the vectors around as hard as possible, in every order.
    /// </summary>
    [Fact]
    public void MillionsOfAdversarialEventsKeepOneUserAndOneVideoBoundedAndScoresFinite()
    {
        var options = new LearningOptions();
        var user = new float[options.Dimensions];
        var interest = new float[options.Dimensions];
        var video = _learner.SeedVideo("v-hammered", ["hostile", "tags"]);
        var random = new Random(7);
        var ranker = new FeedRanker(new FeedOptions());
        EngagementType[] types = Enum.GetValues<EngagementType>();
        var applied = 0;
        var batch = new List<(EngagementType Type, long WatchMs)>();
        while (applied < 2_000_000)
        {
            // Phases of one kind (a like storm, a skip storm, like/unlike flapping) and fully random stretches.
            var phase = random.Next(4);
            var phaseLength = 1 + random.Next(5_000);
            for (var p = 0; p < phaseLength && applied < 2_000_000; p += batch.Count)
            {
                batch.Clear();
                var size = random.Next(4) == 0 ? 1000 : 1 + random.Next(20);
                for (var i = 0; i < size; i++)
                {
                    var type = phase switch
                    {
                        0 => EngagementType.Like,
                        1 => EngagementType.Skip,
                        2 => i % 2 == 0 ? EngagementType.Like : EngagementType.Unlike,
                        _ => types[random.Next(types.Length)],
                    };
                    long[] watch = [0, 1, 86_400_000, random.NextInt64(86_400_001)];
                    batch.Add((type, watch[random.Next(watch.Length)]));
                }

                var durationMs = random.Next(3) == 0 ? 1 : random.Next(1, 3_600_001);
                ApplyBatchAsTheGrainsDo(user, interest, video, batch, durationMs);
                applied += batch.Count;

                AssertBounded(user, options.MaxNorm, "user vector", applied);
                AssertBounded(video, options.MaxNorm, "video vector", applied);
                AssertBounded(interest, 1f, "interest", applied);
            }

            var candidate = new Candidate(
                new CatalogVideo("v-hammered", "c", video, DateTimeOffset.UnixEpoch, new VideoSignals(applied, -applied, applied, applied, 0, double.MaxValue)),
                FeedSettings.AllSources[random.Next(FeedSettings.AllSources.Length)],
                double.MaxValue);
            Assert.True(double.IsFinite(ranker.Score(new FeedRanker.UserContext(user, interest), candidate, DateTimeOffset.UtcNow)));
            Assert.Single(ranker.Rank(new FeedRanker.UserContext(user, interest), [candidate], 10, DateTimeOffset.UtcNow, random));
        }

        // The storm broke nothing: a run of likes, then of skips, still fits the affinity to each target.
        for (var i = 0; i < 300; i++)
        {
            ApplyBatchAsTheGrainsDo(user, interest, video, [(EngagementType.Like, 0)], 30_000);
        }

        Assert.InRange(TensorPrimitives.Dot(user, video), 0.5f, 1.5f);
        for (var i = 0; i < 300; i++)
        {
            ApplyBatchAsTheGrainsDo(user, interest, video, [(EngagementType.Skip, 0)], 30_000);
        }

        Assert.InRange(TensorPrimitives.Dot(user, video), -1.1f, -0.1f);
    }

    private void ApplyBatchAsTheGrainsDo(float[] user, float[] interest, float[] video, List<(EngagementType Type, long WatchMs)> batch, int durationMs)
    {
        var taste = _learner.TasteVector(user, interest);
        var videoBefore = (float[])video.Clone();
        foreach (var (type, watchMs) in batch)
        {
            if (OnlineLearner.Target(type, watchMs, durationMs) is { } target)
            {
                _learner.Step(video, taste, target);
            }
        }

        foreach (var (type, watchMs) in batch)
        {
            if (OnlineLearner.Target(type, watchMs, durationMs) is { } target)
            {
                _learner.Step(user, videoBefore, target);
                _learner.UpdateInterest(interest, videoBefore, target);
            }
        }
    }

    private static void AssertBounded(float[] vector, float maxNorm, string what, int applied)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm > maxNorm * 1.0001f)
        {
            Assert.Fail($"{what} norm {norm} after {applied} events (bound {maxNorm})");
        }
    }

    [Fact]
    public void SeedsAreDeterministicAndSharedTagsStartCloser()
    {
        var a = _learner.SeedVideo("v-a", ["surf", "ocean"]);
        var b = _learner.SeedVideo("v-b", ["surf", "ocean"]);
        var c = _learner.SeedVideo("v-c", ["knitting"]);

        Assert.Equal(a, _learner.SeedVideo("v-a", ["surf", "ocean"]));
        Assert.True(TensorPrimitives.CosineSimilarity(a, b) > TensorPrimitives.CosineSimilarity(a, c));
    }
}
