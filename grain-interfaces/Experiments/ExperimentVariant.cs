namespace Platform.GrainInterfaces;

/// <summary>One arm of an experiment: its name, its share of users (weight 1..100) and what it overrides.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ExperimentVariant")]
public sealed record ExperimentVariant(
    [property: Id(0)] string Name,
    [property: Id(1)] int Weight,
    [property: Id(2)] VariantSettings Settings);
