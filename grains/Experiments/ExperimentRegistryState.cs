using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>The running experiments' persistent list. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.ExperimentRegistryState")]
public sealed class ExperimentRegistryState
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public Dictionary<string, RunningExperiment> Running { get; set; } = new(StringComparer.Ordinal);
}
