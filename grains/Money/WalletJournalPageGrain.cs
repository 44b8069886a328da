using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.Placement;
using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>
/// A full page of a wallet's journal: written once, read for the user's export. Placed with the wallet that writes it.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class WalletJournalPageGrain(
    [TransactionalState(StorageNames.WalletJournalPageState, StorageNames.Provider)] ITransactionalState<WalletJournalPageState> page)
    : Grain, IWalletJournalPageGrain
{
    public Task WriteAsync(PaymentJournalEntry[] entries) => page.PerformUpdate(s => s.Entries = entries);

    public Task<PaymentJournalEntry[]> ReadAsync() => page.PerformRead(s => s.Entries);

    public async Task<bool> ForgetAsync()
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var status = await TransactionalRow.ForgetAsync<WalletJournalPageState>(storage, StorageNames.WalletJournalPageState, this.GetGrainId(), _ => true);
        if (status == TransactionalRowStatus.Gone)
        {
            DeactivateOnIdle();
        }

        return status == TransactionalRowStatus.Gone;
    }
}
