using Microsoft.Extensions.Options;
using Orleans.Transactions;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Privacy;

namespace Platform.Grains.Money;

/// <summary>
/// Erasure of a user's wallet: balance, spending, purchases and the whole payment journal leave memory and storage.
/// Money already paid stays with the creators (their earnings and the ledger keep it); the balance left moves to the
/// ledger's forfeited line, so the summary still balances to the cent. The payment records of the user's payments
/// stay, anonymized (no user, no balance), so each id stays used: a replay is 409, never a second charge.
/// <list type="number">
/// <item>The journal is read and every payment's record anonymized (a transaction per record, a batch at a time).</item>
/// <item>The wallet is erased in one transaction (<see cref="IWalletGrain.EraseAsync"/>), which also anonymizes the
/// records of payments that came in meanwhile.</item>
/// <item>The journal pages' rows, then the wallet's row, are deleted once their transactions have settled.</item>
/// </list>
/// Every part is idempotent, and the erased wallet keeps the count of its erased pages until its row goes, so a crash
/// anywhere is finished by the erasure's retry.
/// </summary>
public sealed class WalletErasureStep(IGrainFactory grains, IOptions<PrivacyOptions> options) : IUserErasureStep
{
    private const int Batch = 16;
    private const int Attempts = 5;

    public string Name => "wallet";

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var wallet = grains.GetGrain<IWalletGrain>(userId);
        var pages = await RetryAsync(wallet.GetJournalPageCountAsync, cancellationToken);
        var journal = await RetryAsync(wallet.GetJournalAsync, cancellationToken);
        foreach (var batch in journal.Chunk(Batch))
        {
            await Task.WhenAll(batch.Select(e => RetryAsync(
                grains.GetGrain<IPaymentRecordGrain>(PaymentRecordKeys.For(e.Kind, e.PaymentId)).AnonymizeAsync, cancellationToken)));
        }

        string[] ids = [.. journal.Select(e => e.PaymentId)];
        var erased = await RetryAsync(() => wallet.EraseAsync(ids, pages), cancellationToken);
        for (var first = 0; first < erased.PagesToForget; first += Batch)
        {
            var last = Math.Min(first + Batch, erased.PagesToForget);
            await Task.WhenAll(Enumerable.Range(first, last - first).Select(page =>
                SettleAsync(grains.GetGrain<IWalletJournalPageGrain>($"{userId}/{page}").ForgetAsync, cancellationToken)));
        }

        await SettleAsync(wallet.ForgetAsync, cancellationToken);
    }

    /// <summary>A transaction aborted by a concurrent one (lock contention) changed nothing: run it again, a few times.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        T result = default!;
        Func<Task> once = async () => result = await call();
        await RetryAsync(once, cancellationToken);
        return result;
    }

    private static async Task RetryAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (OrleansTransactionAbortedException) when (attempt < Attempts)
            {
                await Task.Delay(10 * attempt, cancellationToken);
            }
        }
    }

    /// <summary>Waits for a row whose transaction is still being confirmed, up to <see cref="PrivacyOptions.ErasureSettleWait"/>; then the step fails (and is retried later).</summary>
    private async Task SettleAsync(Func<Task<bool>> forget, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.ErasureSettleWait;
        while (!await forget())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("A wallet row of the erased user is still in a transaction; the erasure runs again later.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
