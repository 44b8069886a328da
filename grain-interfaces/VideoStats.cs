namespace Platform.GrainInterfaces;

/// <summary>A video's live counters.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoStats")]
public sealed record VideoStats(
    [property: Id(0)] string VideoId,
    [property: Id(1)] long Views,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Shares,
    [property: Id(4)] long Comments,
    [property: Id(5)] long Skips,
    [property: Id(6)] long Completions,
    [property: Id(7)] long WatchMsTotal)
{
    /// <summary>Completions per view, 0 without views.</summary>
    public double CompletionRate => Views == 0 ? 0 : (double)Completions / Views;
}
