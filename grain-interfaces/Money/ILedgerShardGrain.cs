using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// One shard of the platform's money totals, keyed 0..shards-1 (payments spread by id). Every payment
/// adds to one shard inside its own transaction, so the shards summed in one read transaction balance
/// exactly (<see cref="LedgerSummary"/>).
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
}
