using Platform.GrainInterfaces;
using Platform.Grains.Engagement;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Grains;

public sealed class EngagementRulesTests
{
    [Fact]
    public void EveryEngagementTypeHasItsOwnRules()
    {
        foreach (var type in Enum.GetValues<EngagementType>())
        {
            Assert.Equal(type, EngagementRules.For(type).Type);
        }
    }

    [Fact]
    public void AViewCompletesAVideoFromNinetyPercentOfItsDuration()
    {
        var view = EngagementRules.For(EngagementType.View);

        Assert.False(view.Completes(26_999, 30_000));
        Assert.True(view.Completes(27_000, 30_000));
        Assert.False(EngagementRules.For(EngagementType.Like).Completes(30_000, 30_000));
    }

    [Fact]
    public void FollowsAreAboutCreatorsAndTeachNoTaste()
    {
        foreach (var type in new[] { EngagementType.Follow, EngagementType.Unfollow })
        {
            var rule = EngagementRules.For(type);
            Assert.True(rule.OnCreator);
            Assert.Null(OnlineLearner.Target(type, 0, 30_000));
            Assert.False(CoEngagementIndex.IsPositive(type, 0, 30_000, 0.5f));
        }

        Assert.False(EngagementRules.For(EngagementType.View).OnCreator);
    }

    [Fact]
    public void AViewIsCoEngagementOnlyWhenWatchedEnough()
    {
        Assert.False(CoEngagementIndex.IsPositive(EngagementType.View, 10_000, 30_000, 0.5f));
        Assert.True(CoEngagementIndex.IsPositive(EngagementType.View, 15_000, 30_000, 0.5f));
        Assert.True(CoEngagementIndex.IsPositive(EngagementType.Share, 0, 30_000, 0.5f));
        Assert.False(CoEngagementIndex.IsPositive(EngagementType.Skip, 30_000, 30_000, 0.5f));
    }
}
