using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// A creator's earnings from tips and sales, keyed by creator id; changed only inside a payment's transaction.
/// It also holds the platform ledger's part of its payments that is not yet in a ledger shard (<see cref="LedgerShards"/>):
/// a payment adds to it in its own transaction, and <see cref="FlushLedgerAsync"/> moves it to the creator's shard in
/// another one, so a tip does not lock a shard.
/// </summary>
public interface ICreatorEarningsGrain : IGrainWithStringKey
{
    /// <summary>Adds one payment of <paramref name="amountCents"/>, of which <paramref name="feeCents"/> is the platform's. Returns the new totals.</summary>
    [Transaction(TransactionOption.Join)]
    Task<CreatorEarnings> AddAsync(PaymentKind kind, long amountCents, long feeCents);

    /// <summary>The creator's earnings.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<CreatorEarnings> GetAsync();

    /// <summary>
    /// The ledger's changes of this creator's payments not yet moved to its shard (zero when none): balanced by
    /// itself (<c>BalanceCents = -SpentCents</c>, <c>SpentCents = GrossCents</c>).
    /// </summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<LedgerSummary> GetUnflushedAsync();

    /// <summary>
    /// Moves the unflushed ledger changes to the creator's ledger shard, in one transaction on both (its own, or the
    /// caller's). Returns whether there was anything to move. Runs by itself every
    /// <c>Platform:Monetization:LedgerFlushInterval</c> while payments come in.
    /// </summary>
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<bool> FlushLedgerAsync();
}
