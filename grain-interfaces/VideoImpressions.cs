namespace Platform.GrainInterfaces;

/// <summary>How many times a video was served in feed pages since the last report (a silo's batch to its shard).</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoImpressions")]
public sealed record VideoImpressions(
    [property: Id(0)] string VideoId,
    [property: Id(1)] int Count);
