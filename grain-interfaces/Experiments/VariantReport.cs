namespace Platform.GrainInterfaces;

/// <summary>
/// One variant's numbers: counts, rates per impression, a 95% interval for the like rate, and the
/// two-sided p-value of its like rate against the control's (null for the control itself).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.VariantReport")]
public sealed record VariantReport(
    [property: Id(0)] string Name,
    [property: Id(1)] int Weight,
    [property: Id(2)] long Users,
    [property: Id(3)] long Impressions,
    [property: Id(4)] long Views,
    [property: Id(5)] long Completions,
    [property: Id(6)] long Likes,
    [property: Id(7)] long Shares,
    [property: Id(8)] long Skips,
    [property: Id(9)] long Comments,
    [property: Id(10)] double LikeRate,
    [property: Id(11)] double CompletionRate,
    [property: Id(12)] double SkipRate,
    [property: Id(13)] double[] LikeRateCi95,
    [property: Id(14)] double? PValueVsControl);
