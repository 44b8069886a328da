using Orleans.Placement;
using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>One shard of the platform's money totals, changed only inside payments' and flushes' transactions.</summary>
[Immovable]
public sealed class LedgerShardGrain(
    [TransactionalState(StorageNames.LedgerShardState, StorageNames.Provider)] ITransactionalState<LedgerShardState> ledger)
    : Grain, ILedgerShardGrain
{
    public Task AddAsync(LedgerSummary change) => ledger.PerformUpdate(s => s.Totals = s.Totals.Add(change));

    public Task<LedgerSummary> GetAsync() => ledger.PerformRead(s => s.Totals);

    public Task ListUnflushedAsync(string creatorId) => ledger.PerformUpdate(s => s.UnflushedCreators.Add(creatorId));

    public Task FlushAsync(string creatorId, LedgerSummary change) => ledger.PerformUpdate(s =>
    {
        if (!s.UnflushedCreators.Remove(creatorId))
        {
            // The creator's flag and this list change together, so this is a bug: refuse rather than count twice.
            throw new InvalidOperationException($"Creator {creatorId} flushed to ledger shard {this.GetPrimaryKeyLong()}, which did not list it.");
        }

        s.Totals = s.Totals.Add(change);
    });

    public Task<LedgerShardRead> ReadAsync() => ledger.PerformRead(s => new LedgerShardRead(s.Totals, [.. s.UnflushedCreators]));
}
