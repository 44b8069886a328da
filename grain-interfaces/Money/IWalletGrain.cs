using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// A user's wallet, keyed by user id. Every change is an Orleans ACID transaction that also writes the
/// payment's idempotency record, the creator's earnings and the ledger totals: all of it happens
/// once, or none of it. A call returns once its transaction committed (durably where storage is).
/// </summary>
public interface IWalletGrain : IGrainWithStringKey
{
    /// <summary>Adds money from a payment provider, once per <paramref name="creditId"/>.</summary>
    [Transaction(TransactionOption.Create)]
    Task<PaymentOutcome> CreditAsync(string creditId, long amountCents);

    /// <summary>
    /// Pays a tip or a purchase once per its id: debits the wallet and credits the creator's earnings
    /// (less the platform fee) together, or refuses and changes nothing.
    /// </summary>
    [Transaction(TransactionOption.Create)]
    Task<PaymentOutcome> PayAsync(Payment payment);

    /// <summary>The wallet's balance, spending and credits.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<WalletBalance> GetBalanceAsync();

    /// <summary>Which of <paramref name="videoIds"/> the user has bought.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<string[]> GetPurchasedAsync(string[] videoIds);

    /// <summary>The wallet's whole payment journal, oldest first (from storage, page by page).</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<PaymentJournalEntry[]> GetJournalAsync();

    /// <summary>How many journal pages the wallet has written (its erasure checks that none was added meanwhile).</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<int> GetJournalPageCountAsync();

    /// <summary>
    /// Erases the wallet for the user's erasure, in one transaction: the balance left moves to the ledger's forfeited
    /// line, the totals, purchases and journal are emptied, and the records of journal entries not in
    /// <paramref name="anonymizedIds"/> are anonymized too. Fails (and changes nothing) if the wallet wrote a journal
    /// page since <paramref name="knownPages"/> were counted. Idempotent.
    /// </summary>
    [Transaction(TransactionOption.Create)]
    Task<WalletErasure> EraseAsync(string[] anonymizedIds, int knownPages);

    /// <summary>
    /// After <see cref="EraseAsync"/>: removes the wallet's storage row and activation once its transactions have
    /// settled. True when nothing of the erased wallet is left (or the id already holds a new user's money); false
    /// while a transaction of it is still being confirmed (ask again).
    /// </summary>
    Task<bool> ForgetAsync();
}
