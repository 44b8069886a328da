namespace Platform.GrainInterfaces;

/// <summary>
/// A ledger shard as a summary reads it: its <paramref name="Totals"/>, and the creators whose payments' ledger changes
/// are still held by their earnings grain (<see cref="ICreatorEarningsGrain.GetUnflushedAsync"/>), not yet in the totals.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.LedgerShardRead")]
public sealed record LedgerShardRead(
    [property: Id(0)] LedgerSummary Totals,
    [property: Id(1)] string[] UnflushedCreators);
