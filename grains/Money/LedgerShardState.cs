using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A ledger shard's transactional totals. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.LedgerShardState")]
public sealed class LedgerShardState
{
    [Id(0)] public LedgerSummary Totals { get; set; } = LedgerSummary.Zero;
}
