using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>An experiment's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.ExperimentState")]
public sealed class ExperimentState
{
    [Id(0)] public ExperimentDefinition? Definition { get; set; }

    [Id(1)] public bool Running { get; set; }

    [Id(2)] public DateTimeOffset StartedAt { get; set; }

    [Id(3)] public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Totals per variant, in the definition's order.</summary>
    [Id(4)] public List<VariantTotals> Variants { get; set; } = [];

    /// <summary>The last flush applied per sending silo process.</summary>
    [Id(5)] public Dictionary<Guid, SenderMark> Senders { get; set; } = [];
}
