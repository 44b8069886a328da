namespace Platform.Grains.Experiments;

/// <summary>One variant's like rate per impression with what its interval and test need.</summary>
internal readonly record struct LikeRate(long Likes, long Impressions, double Rate, double? Variance, (double Low, double High) Interval)
{
    public static LikeRate Of(VariantTotals t)
    {
        var likes = t[ExperimentMetric.Likes];
        var impressions = t[ExperimentMetric.Impressions];
        var rate = ExperimentStatistics.Rate(likes, impressions);
        var variance = ExperimentStatistics.RatioVariance(
            t[ExperimentMetric.Clusters], likes, impressions,
            t[ExperimentMetric.LikesSquared], t[ExperimentMetric.ImpressionsSquared], t[ExperimentMetric.LikesTimesImpressions]);
        var interval = variance is { } v ? ExperimentStatistics.NormalInterval(rate, v) : ExperimentStatistics.WilsonInterval(likes, impressions);
        return new LikeRate(likes, impressions, rate, variance, interval);
    }

    /// <summary>The two-sided p-value of this rate against <paramref name="control"/>'s.</summary>
    public double PValueAgainst(LikeRate control) =>
        Variance is { } v && control.Variance is { } c
            ? ExperimentStatistics.DifferencePValue(Rate, v, control.Rate, c)
            : ExperimentStatistics.TwoProportionPValue(Likes, Impressions, control.Likes, control.Impressions);
}
