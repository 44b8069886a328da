namespace Platform.GrainInterfaces;

/// <summary>
/// One flush of a silo's aggregated experiment counts. <see cref="Sender"/> names the sending silo's
/// process (a new value per start) and <see cref="Sequence"/> grows per flush, so the experiment keeps
/// one mark per sender and applies a resent flush once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ExperimentCountsBatch")]
public sealed record ExperimentCountsBatch(
    [property: Id(0)] Guid Sender,
    [property: Id(1)] long Sequence,
    [property: Id(2)] VariantCounts[] Counts);
