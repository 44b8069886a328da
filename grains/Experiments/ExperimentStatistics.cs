using MathNet.Numerics.Distributions;

namespace Platform.Grains.Experiments;

/// <summary>
/// The statistics an experiment report shows: a Wilson score interval for a rate and a two-sided
/// two-proportion z-test (pooled variance) of a variant's rate against the control's. Both are the
/// textbook large-sample methods; the Wilson interval stays inside [0, 1] and behaves at small counts,
/// where the plain normal interval does not.
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

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, 0 when there is no whole.</summary>
    public static double Rate(long part, long whole) => whole > 0 ? (double)part / whole : 0;
}
