using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>One shard of the platform's money totals, changed only inside payments' transactions.</summary>
public sealed class LedgerShardGrain(
    [TransactionalState(StorageNames.LedgerShardState, StorageNames.Provider)] ITransactionalState<LedgerShardState> ledger)
    : Grain, ILedgerShardGrain
{
    public Task AddAsync(LedgerSummary change) => ledger.PerformUpdate(s => s.Totals = s.Totals.Add(change));

    public Task<LedgerSummary> GetAsync() => ledger.PerformRead(s => s.Totals);
}
