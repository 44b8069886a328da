using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>
/// A creator's earnings, changed only inside payments' transactions. Each payment also adds the platform ledger's
/// change (balances down, spent and gross up, the fee) to <see cref="CreatorEarningsState.Unflushed"/> instead of
/// locking a ledger shard; the first such change after a flush lists the creator in its shard, in the same
/// transaction. Every <see cref="MonetizationOptions.LedgerFlushInterval"/> the grain moves what it holds to the shard
/// in one transaction on both. A summary reads the shards and the listed creators' unflushed changes together, so it
/// is exact at any moment, whether flushed or not.
/// </summary>
[Immovable]
public sealed partial class CreatorEarningsGrain(
    [TransactionalState(StorageNames.CreatorEarningsState, StorageNames.Provider)] ITransactionalState<CreatorEarningsState> earnings,
    IOptions<MonetizationOptions> options,
    IHostApplicationLifetime host,
    ILogger<CreatorEarningsGrain> logger)
    : Grain, ICreatorEarningsGrain
{
    private readonly TimeSpan _flushInterval = options.Value.LedgerFlushInterval;
    private IGrainTimer? _flushTimer;
    private bool _flushScheduled;
    private bool _deactivating;

    private string CreatorId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A previous activation (or silo) may have left unflushed changes in storage: flush them soon too.
        ScheduleFlush();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // What is unflushed stays in the committed state; the next activation flushes it. No flush starts while the
        // activation (or the silo) is going away.
        _deactivating = true;
        _flushTimer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<CreatorEarnings> AddAsync(PaymentKind kind, long amountCents, long feeCents)
    {
        var (totals, list) = await earnings.PerformUpdate(s =>
        {
            if (kind == PaymentKind.Tip)
            {
                s.TipsCents += amountCents;
            }
            else
            {
                s.SalesCents += amountCents;
            }

            s.PlatformFeeCents += feeCents;
            s.Payments++;
            s.Unflushed = s.Unflushed.Add(new LedgerSummary(0, -amountCents, amountCents, amountCents, feeCents));
            var first = !s.Listed;
            s.Listed = true;
            return (ToEarnings(s), first);
        });
        if (list)
        {
            // After this grain's lock, as every payment and flush takes them: earnings, then shard.
            await Shard.ListUnflushedAsync(CreatorId);
        }

        ScheduleFlush();
        return totals;
    }

    public Task<CreatorEarnings> GetAsync() => earnings.PerformRead(ToEarnings);

    public Task<LedgerSummary> GetUnflushedAsync() => earnings.PerformRead(s => s.Unflushed);

    public async Task<bool> FlushLedgerAsync()
    {
        var unflushed = await earnings.PerformUpdate(s =>
        {
            if (!s.Listed)
            {
                return null;
            }

            var moved = s.Unflushed;
            s.Unflushed = LedgerSummary.Zero;
            s.Listed = false;
            return moved;
        });
        if (unflushed is null)
        {
            return false;
        }

        await Shard.FlushAsync(CreatorId, unflushed);
        return true;
    }

    private ILedgerShardGrain Shard => GrainFactory.GetGrain<ILedgerShardGrain>(LedgerShards.OfCreator(CreatorId));

    private void ScheduleFlush()
    {
        if (_flushScheduled || _deactivating)
        {
            return;
        }

        _flushScheduled = true;
        _flushTimer ??= this.RegisterGrainTimer(FlushSoonAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _flushTimer.Change(_flushInterval, Timeout.InfiniteTimeSpan);
    }

    private Task FlushSoonAsync()
    {
        _flushScheduled = false;

        // Once the silo stops, no flush starts: one whose shard is on a silo going away would hold this activation (and
        // the silo's stop) until Orleans' prepare timeout; the next activation flushes instead.
        if (_deactivating || host.ApplicationStopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        // A call to this grain, not awaited: the timer's turn ends first, so the flush's own transaction can run.
        _ = FlushInItsOwnTransactionAsync();
        return Task.CompletedTask;
    }

    private async Task FlushInItsOwnTransactionAsync()
    {
        try
        {
            await this.AsReference<ICreatorEarningsGrain>().FlushLedgerAsync();
        }
        catch (Exception ex)
        {
            // The flush committed on both sides or on neither (Orleans resolves one in doubt); a later flush moves
            // whatever is still unflushed, so nothing is moved twice or lost.
            LogFlushFailed(ex, CreatorId);
            ScheduleFlush();
        }
    }

    private CreatorEarnings ToEarnings(CreatorEarningsState s)
    {
        var gross = s.TipsCents + s.SalesCents;
        return new CreatorEarnings(CreatorId, s.TipsCents, s.SalesCents, gross, s.PlatformFeeCents, gross - s.PlatformFeeCents, s.Payments);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Moving creator {CreatorId}'s unflushed ledger changes to its shard failed; they stay counted and are moved later")]
    private partial void LogFlushFailed(Exception exception, string creatorId);
}
