using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A ledger shard's transactional totals. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.LedgerShardState")]
public sealed class LedgerShardState
{
    [Id(0)] public LedgerSummary Totals { get; set; } = LedgerSummary.Zero;

    /// <summary>The creators of this shard holding payments' ledger changes not yet in <see cref="Totals"/>.</summary>
    [Id(1)] public HashSet<string> UnflushedCreators { get; set; } = [];
}
