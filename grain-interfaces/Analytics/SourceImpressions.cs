namespace Platform.GrainInterfaces;

/// <summary>How often a video was served in feed pages from one candidate source since the last report.</summary>
[GenerateSerializer, Immutable, Alias("Platform.SourceImpressions")]
public sealed record SourceImpressions(
    [property: Id(0)] CandidateSource Source,
    [property: Id(1)] long Count);
