using Platform.GrainInterfaces;
using Platform.Grains.Experiments;

namespace Platform.Tests.Experiments;

public sealed class ExperimentAssignmentTests
{
    private static readonly ExperimentVariant[] Even =
        [new("control", 50, VariantSettings.None), new("treatment", 50, VariantSettings.None)];

    [Fact]
    public void AssignmentIsPinnedToTheIdHash()
    {
        // Fixed expected values: a change to the hash or the placement would move users between variants.
        Assert.Equal(
            [0, 0, 1, 0, 1, 1, 1, 0],
            Enumerable.Range(0, 8).Select(i => ExperimentAssignment.VariantOf("exp-ranker", $"u-{i}", Even)).ToArray());
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(20, 80)]
    [InlineData(1, 3)]
    public void SplitFollowsTheWeightsOverTwoThousandUsers(int controlWeight, int treatmentWeight)
    {
        ExperimentVariant[] variants = [new("control", controlWeight, VariantSettings.None), new("treatment", treatmentWeight, VariantSettings.None)];
        var treated = Enumerable.Range(0, 2000).Count(i => ExperimentAssignment.VariantOf("exp-split", $"user-{i}", variants) == 1);

        Assert.InRange(treated / 2000.0, treatmentWeight / (double)(controlWeight + treatmentWeight) - 0.03, treatmentWeight / (double)(controlWeight + treatmentWeight) + 0.03);
    }

    [Fact]
    public void AssignmentsOfTwoExperimentsAreIndependent()
    {
        var both = 0;
        const int users = 4000;
        for (var i = 0; i < users; i++)
        {
            var a = ExperimentAssignment.VariantOf("exp-a", $"user-{i}", Even);
            var b = ExperimentAssignment.VariantOf("exp-b", $"user-{i}", Even);
            both += a == 1 && b == 1 ? 1 : 0;
        }

        // Independent halves overlap on a quarter of the users.
        Assert.InRange(both / (double)users, 0.22, 0.28);
    }
}
