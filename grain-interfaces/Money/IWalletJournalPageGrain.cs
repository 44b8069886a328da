using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// A full page of a wallet's payment journal, keyed <c>{userId}/{page}</c>. Written once, in the
/// transaction of the payment that filled it, so a wallet keeps only its newest page in memory.
/// </summary>
public interface IWalletJournalPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page's entries.</summary>
    [Transaction(TransactionOption.Join)]
    Task WriteAsync(PaymentJournalEntry[] entries);

    /// <summary>The page's entries, oldest first.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<PaymentJournalEntry[]> ReadAsync();

    /// <summary>
    /// Removes the page's storage row and activation (the wallet's erasure, once the wallet no longer lists the page).
    /// True when no row is left; false while its write is still being confirmed (ask again).
    /// </summary>
    Task<bool> ForgetAsync();
}
