using Platform.Grains.Experiments;

namespace Platform.Tests.Experiments;

public sealed class ExperimentStatisticsTests
{
    [Fact]
    public void WilsonIntervalMatchesTheTextbookValue()
    {
        // 50 of 100: the Wilson 95% interval is [0.4038, 0.5962].
        var (low, high) = ExperimentStatistics.WilsonInterval(50, 100);

        Assert.Equal(0.4038, low, 4);
        Assert.Equal(0.5962, high, 4);
    }

    [Fact]
    public void WilsonIntervalStaysInsideZeroAndOne()
    {
        Assert.Equal((0.0, 1.0), ExperimentStatistics.WilsonInterval(0, 0));
        var (low, high) = ExperimentStatistics.WilsonInterval(0, 20);
        Assert.Equal(0, low);
        Assert.InRange(high, 0.1, 0.2);
        Assert.Equal(1, ExperimentStatistics.WilsonInterval(20, 20).High);
    }

    [Fact]
    public void TwoProportionTestMatchesTheTextbookValue()
    {
        // 60/100 against 40/100: z = 0.2 / sqrt(0.5 * 0.5 * 0.02) = 2.828, two-sided p = 0.00468.
        Assert.Equal(0.00468, ExperimentStatistics.TwoProportionPValue(60, 100, 40, 100), 5);
        Assert.Equal(1, ExperimentStatistics.TwoProportionPValue(40, 100, 40, 100), 10);
        Assert.Equal(1, ExperimentStatistics.TwoProportionPValue(0, 100, 0, 100));
        Assert.Equal(1, ExperimentStatistics.TwoProportionPValue(1, 0, 0, 100));
    }

    [Fact]
    public void IdenticalVariantsAreSignificantAboutFivePercentOfTheTime()
    {
        // 2,000 seeded A/A experiments of 2,000 impressions a side at a 10% like rate: an honest test
        // rejects at p < 0.05 in about 5% of them.
        var random = new Random(20261201);
        var rejections = 0;
        const int runs = 2000;
        for (var run = 0; run < runs; run++)
        {
            int a = 0, b = 0;
            for (var i = 0; i < 2000; i++)
            {
                a += random.NextDouble() < 0.1 ? 1 : 0;
                b += random.NextDouble() < 0.1 ? 1 : 0;
            }

            rejections += ExperimentStatistics.TwoProportionPValue(a, 2000, b, 2000) < 0.05 ? 1 : 0;
        }

        Assert.InRange(rejections / (double)runs, 0.035, 0.065);
    }
}
