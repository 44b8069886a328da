namespace Platform.GrainInterfaces;

/// <summary>
/// An experiment as created: its variants (the first is the control) and the canonical form of the
/// request body, by which a repeated creation is told apart from a conflicting one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ExperimentDefinition")]
public sealed record ExperimentDefinition(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] ExperimentVariant[] Variants,
    [property: Id(2)] string Canonical);
