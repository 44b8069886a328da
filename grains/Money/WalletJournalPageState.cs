using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A full journal page's transactional state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.WalletJournalPageState")]
public sealed class WalletJournalPageState
{
    [Id(0)] public PaymentJournalEntry[] Entries { get; set; } = [];
}
