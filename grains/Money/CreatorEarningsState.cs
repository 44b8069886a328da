using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A creator's transactional earnings. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CreatorEarningsState")]
public sealed class CreatorEarningsState
{
    [Id(0)] public long TipsCents { get; set; }

    [Id(1)] public long SalesCents { get; set; }

    [Id(2)] public long PlatformFeeCents { get; set; }

    [Id(3)] public long Payments { get; set; }

    /// <summary>The ledger's changes of this creator's payments not yet moved to its ledger shard.</summary>
    [Id(4)] public LedgerSummary Unflushed { get; set; } = LedgerSummary.Zero;

    /// <summary>Whether the creator's ledger shard lists it as holding unflushed changes (always when <see cref="Unflushed"/> is not zero).</summary>
    [Id(5)] public bool Listed { get; set; }
}
