using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Storage;
using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>
/// A user's wallet. Each credit, tip or purchase is one Orleans transaction over the wallet, the
/// payment id's record, and the creator's earnings (a tip or purchase; they hold its ledger change until
/// they flush it) or a ledger shard (a credit), taken in that order by every payment (so two payments
/// never wait on each other in a cycle). The wallet is write-locked first:
/// the balance it checks is the balance it debits, so no race can take it below zero.
/// Like every grain with transactional state it is <see cref="ImmovableAttribute"/>: Orleans' activation rebalancer
/// deactivated a wallet with its own transaction in flight, and that transaction's prepare, addressed to the wallet
/// again, waited for the migration while the migration waited for it, until the 30 s call timeout.
/// </summary>
[Immovable]
public sealed class WalletGrain(
    [TransactionalState(StorageNames.WalletState, StorageNames.Provider)] ITransactionalState<WalletState> wallet,
    IOptions<MonetizationOptions> options,
    TimeProvider time)
    : Grain, IWalletGrain
{
    private readonly MonetizationOptions _options = options.Value;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<PaymentOutcome> CreditAsync(string creditId, long amountCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        var balance = await wallet.PerformUpdate(s => s.BalanceCents);
        var proposed = new PaymentRecord(PaymentKind.Credit, UserId, "", null, amountCents, balance + amountCents);
        var existing = await Record(PaymentKind.Credit, creditId).ClaimAsync(proposed, claim: true);
        if (existing is not null)
        {
            return Replay(existing, proposed, balance);
        }

        var entry = new PaymentJournalEntry(creditId, PaymentKind.Credit, "", null, amountCents, 0, balance + amountCents, time.GetUtcNow());
        await ApplyAsync(entry, s =>
        {
            s.BalanceCents += amountCents;
            s.CreditedCents += amountCents;
        });
        await LedgerShard(creditId).AddAsync(new LedgerSummary(amountCents, amountCents, 0, 0, 0));
        return new PaymentOutcome(PaymentStatus.Applied, balance + amountCents);
    }

    public async Task<PaymentOutcome> PayAsync(Payment payment)
    {
        if (payment.Kind is not (PaymentKind.Tip or PaymentKind.Purchase) || (payment.Kind == PaymentKind.Purchase && payment.VideoId is null))
        {
            throw new ArgumentException("A payment is a tip, or a purchase of a video.", nameof(payment));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payment.AmountCents);
        var amount = payment.AmountCents;
        var (balance, bought) = await wallet.PerformUpdate(s =>
            (s.BalanceCents, payment.Kind == PaymentKind.Purchase && s.Purchased.Contains(payment.VideoId!)));
        var target = payment.Kind == PaymentKind.Purchase ? payment.VideoId! : payment.CreatorId;
        var proposed = new PaymentRecord(payment.Kind, UserId, target, payment.VideoId, amount, balance - amount);
        var sufficient = balance >= amount;
        var existing = await Record(payment.Kind, payment.PaymentId).ClaimAsync(proposed, claim: sufficient && !bought);
        if (existing is not null)
        {
            return Replay(existing, proposed, balance);
        }

        if (bought)
        {
            return new PaymentOutcome(PaymentStatus.AlreadyPurchased, balance);
        }

        if (!sufficient)
        {
            return new PaymentOutcome(PaymentStatus.InsufficientBalance, balance);
        }

        var fee = _options.FeeOf(amount);
        var entry = new PaymentJournalEntry(payment.PaymentId, payment.Kind, payment.CreatorId, payment.VideoId, amount, fee, balance - amount, time.GetUtcNow());
        await ApplyAsync(entry, s =>
        {
            s.BalanceCents -= amount;
            s.SpentCents += amount;
            if (payment.Kind == PaymentKind.Purchase)
            {
                s.Purchased.Add(payment.VideoId!);
            }
        });
        // The creator's earnings also hold the ledger's change until they flush it to their shard (CreatorEarningsGrain).
        var earnings = await GrainFactory.GetGrain<ICreatorEarningsGrain>(payment.CreatorId).AddAsync(payment.Kind, amount, fee);
        return new PaymentOutcome(PaymentStatus.Applied, balance - amount, earnings);
    }

    public Task<WalletBalance> GetBalanceAsync() =>
        wallet.PerformRead(s => new WalletBalance(UserId, s.BalanceCents, s.SpentCents, s.CreditedCents));

    public Task<string[]> GetPurchasedAsync(string[] videoIds) =>
        wallet.PerformRead(s => videoIds.Where(s.Purchased.Contains).ToArray());

    public async Task<PaymentJournalEntry[]> GetJournalAsync()
    {
        var (first, pages, newest) = await wallet.PerformRead(s => (s.FirstPage, s.JournalPages, s.Journal.ToArray()));
        var journal = new List<PaymentJournalEntry>(((pages - first) * _options.JournalPageSize) + newest.Length);
        for (var page = first; page < pages; page++)
        {
            journal.AddRange(await JournalPage(page).ReadAsync());
        }

        journal.AddRange(newest);
        return [.. journal];
    }

    public Task<int> GetJournalPageCountAsync() => wallet.PerformRead(s => s.JournalPages);

    public async Task<WalletErasure> EraseAsync(string[] anonymizedIds, int knownPages)
    {
        var known = new HashSet<string>(anonymizedIds, StringComparer.Ordinal);
        var (forfeited, late, pagesToForget) = await wallet.PerformUpdate(s =>
        {
            if (s.JournalPages != knownPages)
            {
                throw new InvalidOperationException($"Wallet {UserId} wrote a journal page while it was being erased; the erasure runs again.");
            }

            var erased = (s.BalanceCents, s.Journal.Where(e => !known.Contains(e.PaymentId)).ToArray(), s.JournalPages);
            s.BalanceCents = 0;
            s.SpentCents = 0;
            s.CreditedCents = 0;
            s.Purchased = [];
            s.Journal = [];
            s.FirstPage = s.JournalPages;
            return erased;
        });

        // Payments that came in after the journal was read: their records are anonymized in this same transaction.
        foreach (var entry in late)
        {
            await Record(entry.Kind, entry.PaymentId).AnonymizeAsync();
        }

        if (forfeited != 0)
        {
            // The money leaves the balances for the forfeited line: credited = balance + spent + forfeited still holds.
            await LedgerShard(UserId).AddAsync(new LedgerSummary(0, -forfeited, 0, 0, 0, forfeited));
        }

        return new WalletErasure(forfeited, pagesToForget);
    }

    public async Task<bool> ForgetAsync()
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var status = await TransactionalRow.ForgetAsync<WalletState>(storage, StorageNames.WalletState, this.GetGrainId(), s => s.IsEmpty);
        if (status == TransactionalRowStatus.Gone)
        {
            // This activation's copy of the state goes too; the next call starts from no row.
            DeactivateOnIdle();
        }

        return status != TransactionalRowStatus.Settling;
    }

    private static PaymentOutcome Replay(PaymentRecord existing, PaymentRecord proposed, long balance) => existing.SameRequest(proposed)
        ? new PaymentOutcome(PaymentStatus.Replayed, existing.BalanceAfterCents)
        : new PaymentOutcome(PaymentStatus.Conflict, balance);

    /// <summary>Changes the wallet and journals the change; a journal page that fills up is written out in the same transaction.</summary>
    private async Task ApplyAsync(PaymentJournalEntry entry, Action<WalletState> change)
    {
        var full = await wallet.PerformUpdate(s =>
        {
            change(s);
            s.Journal.Add(entry);
            if (s.Journal.Count < _options.JournalPageSize)
            {
                return ((int Page, PaymentJournalEntry[] Entries)?)null;
            }

            var page = (s.JournalPages, s.Journal.ToArray());
            s.Journal = [];
            s.JournalPages++;
            return page;
        });
        if (full is { } written)
        {
            await JournalPage(written.Page).WriteAsync(written.Entries);
        }
    }

    private IPaymentRecordGrain Record(PaymentKind kind, string paymentId) =>
        GrainFactory.GetGrain<IPaymentRecordGrain>(PaymentRecordKeys.For(kind, paymentId));

    private ILedgerShardGrain LedgerShard(string paymentId) => GrainFactory.GetGrain<ILedgerShardGrain>(LedgerShards.Of(paymentId));

    private IWalletJournalPageGrain JournalPage(int page) => GrainFactory.GetGrain<IWalletJournalPageGrain>($"{UserId}/{page}");
}
