using MathNet.Numerics.Distributions;

namespace Platform.Grains.Experiments;

/// <summary>
/// The statistics an experiment report shows. The like rate per impression is a ratio over users (the
/// unit of randomization), so its variance comes from the delta method over per-user sums
/// (<see cref="RatioVariance"/>), its interval is normal on that variance and the variant-vs-control
/// test is a z-test of the difference. With too few users for a variance, the report falls back to the
/// per-impression methods: a Wilson score interval and a pooled two-proportion z-test.
/// </summary>
public static class ExperimentStatistics
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The 95% Wilson interval of <paramref name="successes"/> out of <paramref name="trials"/>; [0, 1] with no trials.</summary>
    public static (double Low, double High) WilsonInterval(long successes, long trials)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var p = Math.Min(successes, trials) / n;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The two-sided p-value of the hypothesis that both rates are equal; 1 when either side has no
    /// trials or the pooled rate is 0 or 1 (no variance, no evidence of a difference).
    /// </summary>
    public static double TwoProportionPValue(long successesA, long trialsA, long successesB, long trialsB)
    {
        if (trialsA <= 0 || trialsB <= 0)
        {
            return 1;
        }

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var variance = pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB);
        if (variance <= 0)
        {
            return 1;
        }

        var z = ((double)successesA / trialsA - (double)successesB / trialsB) / Math.Sqrt(variance);
        return Math.Clamp(2 * Normal.CDF(0, 1, -Math.Abs(z)), 0, 1);
    }

    /// <summary>
    /// The variance of a ratio metric R = sum(y) / sum(x) whose units of randomization are users, each
    /// contributing (x, y) (impressions, likes): the delta method (Deng, Knoblich, Lu 2018), from the
    /// per-user sums. Impressions of one user are not independent trials; treating them so understates
    /// the variance and makes an A/A test reject far more often than its level. Null with fewer than two users.
    /// </summary>
    public static double? RatioVariance(long users, long sumY, long sumX, long sumYY, long sumXX, long sumXY)
    {
        if (users < 2 || sumX <= 0)
        {
            return null;
        }

        double n = users;
        var meanX = sumX / n;
        var meanY = sumY / n;
        var ratio = (double)sumY / sumX;
        // Sample (n - 1) variances and covariance of the per-user sums.
        var varX = (sumXX - n * meanX * meanX) / (n - 1);
        var varY = (sumYY - n * meanY * meanY) / (n - 1);
        var covXY = (sumXY - n * meanX * meanY) / (n - 1);
        var variance = (varY - 2 * ratio * covXY + ratio * ratio * varX) / (n * meanX * meanX);
        return Math.Max(0, variance);
    }

    /// <summary>The 95% interval R ± 1.96 √variance, clipped to [0, 1].</summary>
    public static (double Low, double High) NormalInterval(double ratio, double variance)
    {
        var half = Z95 * Math.Sqrt(variance);
        return (Math.Max(0, ratio - half), Math.Min(1, ratio + half));
    }

    /// <summary>The two-sided p-value of a difference of two independent estimates; 1 when neither varies.</summary>
    public static double DifferencePValue(double a, double varianceA, double b, double varianceB)
    {
        var variance = varianceA + varianceB;
        if (variance <= 0)
        {
            return a == b ? 1 : 0;
        }

        var z = (a - b) / Math.Sqrt(variance);
        return Math.Clamp(2 * Normal.CDF(0, 1, -Math.Abs(z)), 0, 1);
    }

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, 0 when there is no whole.</summary>
    public static double Rate(long part, long whole) => whole > 0 ? (double)part / whole : 0;
}
