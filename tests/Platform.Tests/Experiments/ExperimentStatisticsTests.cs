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

    [Fact]
    public void ClusteredUsersNeedTheDeltaMethodForAnHonestFalsePositiveRate()
    {
        // A/A: 400 users a side, each served 40 impressions, with like propensities that differ a lot
        // between users (Beta(1, 9), mean 0.1). Per-impression trials are not independent; the delta method
        // over per-user sums keeps the A/A rejection rate near 5%, the naive pooled test does not.
        var random = new Random(7);
        const int runs = 400;
        int delta = 0, naive = 0;
        for (var run = 0; run < runs; run++)
        {
            var a = Side(random);
            var b = Side(random);
            var va = ExperimentStatistics.RatioVariance(a.N, a.L, a.I, a.LL, a.II, a.LI)!.Value;
            var vb = ExperimentStatistics.RatioVariance(b.N, b.L, b.I, b.LL, b.II, b.LI)!.Value;
            delta += ExperimentStatistics.DifferencePValue((double)a.L / a.I, va, (double)b.L / b.I, vb) < 0.05 ? 1 : 0;
            naive += ExperimentStatistics.TwoProportionPValue(a.L, a.I, b.L, b.I) < 0.05 ? 1 : 0;
        }

        Assert.InRange(delta / (double)runs, 0.02, 0.08);
        Assert.True(naive / (double)runs > 0.15, $"naive rejection rate {naive / (double)runs:F3}");
    }

    [Fact]
    public void RatioVarianceOfIndependentTrialsMatchesTheBinomialVariance()
    {
        // One impression per user: the delta method reduces to p(1-p)/n (up to n/(n-1)).
        var (users, likes) = (10_000L, 1_000L);
        var variance = ExperimentStatistics.RatioVariance(users, likes, users, likes, users, likes)!.Value;

        Assert.Equal(0.1 * 0.9 / users, variance, 7);
    }

    private static (long N, long L, long I, long LL, long II, long LI) Side(Random random)
    {
        long n = 400, sumL = 0, sumI = 0, sumLL = 0, sumII = 0, sumLI = 0;
        for (var u = 0; u < n; u++)
        {
            var p = Beta19(random);
            long l = 0;
            const long impressions = 40;
            for (var i = 0; i < impressions; i++)
            {
                l += random.NextDouble() < p ? 1 : 0;
            }

            sumL += l;
            sumI += impressions;
            sumLL += l * l;
            sumII += impressions * impressions;
            sumLI += l * impressions;
        }

        return (n, sumL, sumI, sumLL, sumII, sumLI);
    }

    // Beta(1, 9) as 1 - U^(1/9).
    private static double Beta19(Random random) => 1 - Math.Pow(random.NextDouble(), 1.0 / 9);
}
