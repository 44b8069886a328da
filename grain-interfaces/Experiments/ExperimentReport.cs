namespace Platform.GrainInterfaces;

/// <summary>An experiment's state and its variants' live numbers.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ExperimentReport")]
public sealed record ExperimentReport(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] bool Running,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? StoppedAt,
    [property: Id(4)] VariantReport[] Variants);
