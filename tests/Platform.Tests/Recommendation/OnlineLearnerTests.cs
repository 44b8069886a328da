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
