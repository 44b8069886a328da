namespace Platform.GrainInterfaces;

/// <summary>A running experiment as every silo's feed path sees it: enough to assign a user and apply the variant.</summary>
[GenerateSerializer, Immutable, Alias("Platform.RunningExperiment")]
public sealed record RunningExperiment(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] ExperimentVariant[] Variants);
