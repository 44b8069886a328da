using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A wallet's transactional state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.WalletState")]
public sealed class WalletState
{
    [Id(0)] public long BalanceCents { get; set; }

    [Id(1)] public long SpentCents { get; set; }

    [Id(2)] public long CreditedCents { get; set; }

    /// <summary>The paid videos the user bought.</summary>
    [Id(3)] public HashSet<string> Purchased { get; set; } = [];

    /// <summary>Journal pages already written out (<see cref="IWalletJournalPageGrain"/> 0..JournalPages-1).</summary>
    [Id(4)] public int JournalPages { get; set; }

    /// <summary>The journal's newest entries, not yet a full page.</summary>
    [Id(5)] public List<PaymentJournalEntry> Journal { get; set; } = [];

    /// <summary>
    /// The first journal page of the current journal: pages below it belonged to a journal erased with its user (their
    /// rows are deleted by the erasure), so a wallet started again under the same id never reuses their keys.
    /// </summary>
    [Id(6)] public int FirstPage { get; set; }

    /// <summary>Whether nothing of a user is held: no money, no purchase, no journal entry (page counters are not personal).</summary>
    public bool IsEmpty => BalanceCents == 0 && SpentCents == 0 && CreditedCents == 0 && Purchased.Count == 0 && Journal.Count == 0 && JournalPages == FirstPage;
}
