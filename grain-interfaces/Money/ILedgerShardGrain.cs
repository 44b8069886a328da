using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// One shard of the platform's money totals, keyed 0..shards-1. Credits and erasures add to the shard of their id
/// inside their own transaction; tips and purchases add to their creator's earnings grain, which moves them to the
/// creator's shard (<see cref="LedgerShards.OfCreator"/>) later in one transaction on both, while the shard lists the
/// creator as holding unflushed changes. So the shards and the listed creators' unflushed changes, read in one read
/// transaction, balance exactly (<see cref="LedgerSummary"/>).
/// </summary>
public interface ILedgerShardGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a payment's changes to the totals.</summary>
    [Transaction(TransactionOption.Join)]
    Task AddAsync(LedgerSummary change);

    /// <summary>The shard's totals.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<LedgerSummary> GetAsync();

    /// <summary>Lists a creator as holding unflushed ledger changes (in the payment's transaction that makes the first of them).</summary>
    [Transaction(TransactionOption.Join)]
    Task ListUnflushedAsync(string creatorId);

    /// <summary>Adds a creator's unflushed ledger changes to the totals and unlists the creator (in the flush's transaction).</summary>
    [Transaction(TransactionOption.Join)]
    Task FlushAsync(string creatorId, LedgerSummary change);

    /// <summary>The totals and the creators listed as holding unflushed changes.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<LedgerShardRead> ReadAsync();
}

/// <summary>How many ledger shards there are. Fixed: a summary must read every shard a payment ever wrote.</summary>
public static class LedgerShards
{
    public const int Count = 32;

    /// <summary>The shard a payment id's changes go to (FNV-1a, the same in every process).</summary>
    public static int Of(string paymentId)
    {
        var hash = 2166136261u;
        foreach (var c in paymentId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The shard a creator's flushed payments go to (the same hash, of the creator id).</summary>
    public static int OfCreator(string creatorId) => Of(creatorId);
}
