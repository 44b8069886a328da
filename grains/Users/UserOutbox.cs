using Microsoft.Extensions.Logging;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Videos;

namespace Platform.Grains.Users;

/// <summary>
/// The user's side of exactly-once delivery. Work owed to videos and creators sits in the durable
/// <see cref="UserState.Outbox"/>, written with the events it comes from; this type sends it (all of
/// one receiver's entries in one call, in sequence order), drops what was acknowledged, and once that
/// removal is durable tells the receivers they may forget those deliveries. What fails is retried by a
/// timer while the user is active and by a reminder after a crash.
/// </summary>
internal sealed partial class UserOutbox(
    Grain grain,
    IGrainFactory grains,
    IPersistentState<UserState> state,
    VideoEngagementBatcher videoBatcher,
    DeliveryOptions delivery,
    ILogger logger,
    Func<Task> writeAsync)
{
    private const string RecoveryReminder = "outbox-recovery";

    /// <summary>Outbox entries acknowledged by their receivers whose removal is not yet written.</summary>
    private readonly List<OutboxEntry> _unconfirmed = [];
    private readonly Func<Task> _writeAsync = writeAsync;
    private bool _reminderRegistered;
    private IGrainTimer? _retryTimer;
    private IGrainTimer? _confirmTimer;

    private UserState User => state.State;

    /// <summary>True when acknowledged entries wait for a write before their receivers can forget them.</summary>
    public bool HasUnconfirmed => _unconfirmed.Count > 0;

    /// <summary>Delivers, as soon as the activation is up, work recorded before a crash.</summary>
    public void Resume()
    {
        if (User.Outbox.Count > 0)
        {
            ScheduleRetry(TimeSpan.Zero);
        }
    }

    /// <summary>The acknowledged entries a write about to start records; pass them to <see cref="Written"/> once it succeeded.</summary>
    public OutboxEntry[]? BeforeWrite() => _unconfirmed.Count > 0 ? [.. _unconfirmed] : null;

    /// <summary>Tells the receivers of <paramref name="confirmed"/> that their removal is durable.</summary>
    public void Written(OutboxEntry[]? confirmed)
    {
        if (confirmed is null)
        {
            return;
        }

        _unconfirmed.RemoveRange(0, confirmed.Length);
        var userId = grain.GetPrimaryKeyString();
        var highest = new Dictionary<(string Target, bool IsVideo), long>();
        foreach (var entry in confirmed)
        {
            var key = (entry.Target, entry.Video is not null);
            highest[key] = Math.Max(highest.GetValueOrDefault(key), entry.Sequence);
        }

        foreach (var ((target, isVideo), sequence) in highest)
        {
            if (isVideo)
            {
                videoBatcher.Confirm(target, userId, sequence);
            }
            else
            {
                _ = grains.Reference<ICreatorGrain>(target).ConfirmFollowChangesAsync(userId, sequence);
            }
        }
    }

    /// <summary>
    /// Sends every outbox entry to its receiver. Acknowledged entries leave the outbox (durably with
    /// the next write); throws when any receiver failed, after arranging a retry.
    /// </summary>
    public async Task DeliverAsync()
    {
        if (User.Outbox.Count == 0)
        {
            return;
        }

        var videos = new Dictionary<string, List<OutboxEntry>>(StringComparer.Ordinal);
        var creators = new Dictionary<string, List<OutboxEntry>>(StringComparer.Ordinal);
        foreach (var entry in User.Outbox)
        {
            var groups = entry.Video is not null ? videos : creators;
            if (!groups.TryGetValue(entry.Target, out var list))
            {
                groups[entry.Target] = list = [];
            }

            list.Add(entry);
        }

        var sends = new List<(List<OutboxEntry> Entries, Task Call)>(videos.Count + creators.Count);
        foreach (var (videoId, entries) in videos)
        {
            var requests = new VideoEngagementRequest[entries.Count];
            for (var i = 0; i < requests.Length; i++)
            {
                requests[i] = entries[i].Video!;
            }

            sends.Add((entries, videoBatcher.ApplyAsync(videoId, requests)));
        }

        foreach (var (creatorId, entries) in creators)
        {
            var changes = new FollowChange[entries.Count];
            for (var i = 0; i < changes.Length; i++)
            {
                changes[i] = entries[i].Follow!;
            }

            sends.Add((entries, grains.Reference<ICreatorGrain>(creatorId).ApplyFollowChangesAsync(changes)));
        }

        Exception? failure = null;
        var delivered = new HashSet<OutboxEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (entries, call) in sends)
        {
            try
            {
                await call;
                delivered.UnionWith(entries);
                _unconfirmed.AddRange(entries);
            }
            catch (Exception ex)
            {
                failure ??= ex;
            }
        }

        User.Outbox.RemoveAll(delivered.Contains);
        if (_unconfirmed.Count > 0)
        {
            ScheduleConfirmation();
        }

        if (failure is null)
        {
            StopRetry();
            return;
        }

        LogDeliveryFailed(logger, failure, grain.GetPrimaryKeyString(), User.Outbox.Count);
        ScheduleRetry(delivery.RetryInterval);
        await RegisterRecoveryAsync();
        throw new OutboxDeliveryException($"{User.Outbox.Count} outbox entries of user {grain.GetPrimaryKeyString()} are not delivered yet; they are durable and will be delivered.", failure);
    }

    /// <summary>The recovery reminder fired: delivers what is left and, once all is delivered and written, drops the reminder.</summary>
    public async Task RecoverAsync()
    {
        try
        {
            await DeliverAsync();
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, grain.GetPrimaryKeyString(), User.Outbox.Count);
            return;
        }

        if (_unconfirmed.Count > 0)
        {
            await _writeAsync();
        }

        await UnregisterRecoveryAsync();
    }

    /// <summary>Drops the recovery reminder when the activation ends with nothing left to deliver.</summary>
    public async Task DeactivateAsync()
    {
        if (_reminderRegistered && User.Outbox.Count == 0)
        {
            await UnregisterRecoveryAsync();
        }
    }

    /// <summary>
    /// Before the user is erased: delivers everything owed (throws, to be retried, when a receiver fails), lets the
    /// receivers forget those deliveries, and drops the timers and the recovery reminder.
    /// </summary>
    public async Task DrainForErasureAsync()
    {
        await DeliverAsync();
        Written(BeforeWrite());
        StopRetry();
        _confirmTimer?.Dispose();
        _confirmTimer = null;
        await UnregisterRecoveryAsync();
    }

    /// <summary>True for the reminder this type registers.</summary>
    public static bool IsRecoveryReminder(string reminderName) => reminderName == RecoveryReminder;

    private void ScheduleRetry(TimeSpan dueTime)
    {
        _retryTimer ??= grain.RegisterGrainTimer(
            static async (outbox, _) =>
            {
                try
                {
                    await outbox.DeliverAsync();
                }
                catch (OutboxDeliveryException)
                {
                    // Logged; the timer tries again.
                }
            },
            this,
            new GrainTimerCreationOptions(dueTime, delivery.RetryInterval));
    }

    private void StopRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private void ScheduleConfirmation() =>
        _confirmTimer ??= grain.RegisterGrainTimer(
            static async (outbox, _) =>
            {
                outbox._confirmTimer?.Dispose();
                outbox._confirmTimer = null;
                if (outbox._unconfirmed.Count > 0)
                {
                    await outbox._writeAsync();
                }
            },
            this,
            new GrainTimerCreationOptions(delivery.ConfirmDelay, Timeout.InfiniteTimeSpan));

    /// <summary>A reminder that reactivates the user after a crash while its outbox is not delivered.</summary>
    private async Task RegisterRecoveryAsync()
    {
        if (!_reminderRegistered)
        {
            await grain.RegisterOrUpdateReminder(RecoveryReminder, delivery.RecoveryPeriod, delivery.RecoveryPeriod);
            _reminderRegistered = true;
        }
    }

    private async Task UnregisterRecoveryAsync()
    {
        if (await grain.GetReminder(RecoveryReminder) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering the outbox of user {UserId} failed; {Pending} entries stay queued")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string userId, int pending);
}
