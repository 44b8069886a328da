namespace Platform.GrainInterfaces;

/// <summary>Every running experiment, with a version that grows on each start and stop.</summary>
[GenerateSerializer, Immutable, Alias("Platform.RunningExperiments")]
public sealed record RunningExperiments(
    [property: Id(0)] long Version,
    [property: Id(1)] RunningExperiment[] Experiments);
