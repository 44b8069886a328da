using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>A user's variant of one running experiment.</summary>
public readonly record struct AssignedVariant(RunningExperiment Experiment, int Variant)
{
    public ExperimentVariant Definition => Experiment.Variants[Variant];
}
