using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Creators;

/// <summary>
/// Pushes a creator's counters to live observers (gateways), coalesced: a change after a quiet spell
/// goes out at once, changes that follow ride along on a one-shot timer, and observers get one
/// snapshot per <see cref="LiveStatsOptions.NotifyDelay"/> at most however hot the creator's videos are. Costs
/// nothing while nobody watches. Lives in the grain activation; observers renew their registration
/// (which also reactivates a grain that moved or restarted).
/// </summary>
internal sealed class CreatorStatsPublisher
{
    private static readonly FrozenSet<string> ReadOnlyMethods = new[]
    {
        nameof(ICreatorGrain.GetStatsAsync), nameof(ICreatorGrain.SubscribeAsync), nameof(ICreatorGrain.UnsubscribeAsync),
        nameof(ICreatorGrain.GetSubscriberCountAsync), nameof(ICreatorGrain.NotifyContentAsync),
        nameof(ICreatorGrain.GetSeriesAsync), nameof(ICreatorGrain.GetMedianFirstHourViewsAsync),
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Grain _grain;
    private readonly Func<Task<CreatorStats>> _stats;
    private readonly Func<Task<CreatorEarnings?>>? _earnings;
    private readonly TimeProvider _time;
    private readonly TimeSpan _notifyDelay;
    private readonly ObserverManager<ICreatorStatsObserver> _observers;
    private IGrainTimer? _flushTimer;
    private bool _pending;
    private long _lastFlush;

    public CreatorStatsPublisher(Grain grain, Func<Task<CreatorStats>> stats, Func<Task<CreatorEarnings?>>? earnings = null)
    {
        _grain = grain;
        _stats = stats;
        _earnings = earnings;
        _time = grain.GrainContext.ActivationServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = grain.GrainContext.ActivationServices.GetRequiredService<ILogger<CreatorStatsPublisher>>();
        var options = grain.GrainContext.ActivationServices.GetRequiredService<IOptions<LiveStatsOptions>>().Value;
        _notifyDelay = options.NotifyDelay;
        _observers = new ObserverManager<ICreatorStatsObserver>(options.SubscriptionExpiry, logger)
        {
            GetDateTime = () => _time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// Whether a call of <paramref name="method"/> (an interface method the grain received) may have
    /// changed the counters. Errs towards yes: a notification without a change is dropped by the gateway.
    /// </summary>
    public static bool MayChangeCounters(MethodInfo? method) =>
        method?.DeclaringType == typeof(ICreatorGrain) && !ReadOnlyMethods.Contains(method.Name);

    public async Task<CreatorStatsSnapshot> SubscribeAsync(ICreatorStatsObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return await SnapshotAsync();
    }

    public void Unsubscribe(ICreatorStatsObserver observer) => _observers.Unsubscribe(observer);

    public int CountSubscribers()
    {
        _observers.ClearExpired();
        return _observers.Count;
    }

    /// <summary>Call after the counters may have changed; observers hear of it within <see cref="LiveStatsOptions.NotifyDelay"/>.</summary>
    public void MarkChanged()
    {
        if (_pending || _observers.Count == 0)
        {
            return;
        }

        _pending = true;
        var wait = _notifyDelay - _time.GetElapsedTime(_lastFlush);
        _flushTimer ??= _grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _flushTimer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Passes a notice about one of the creator's videos to every observer at once (notices are not coalesced).</summary>
    public Task NotifyContentAsync(ContentNotice notice) => _observers.Notify(observer => observer.OnContentNoticeAsync(notice));

    private async Task FlushAsync()
    {
        _pending = false;
        _lastFlush = _time.GetTimestamp();
        var snapshot = await SnapshotAsync();

        // One-way calls: the returned tasks complete at once, a dead gateway costs nothing here.
        await _observers.Notify(observer => observer.OnStatsChangedAsync(snapshot));
    }

    private async Task<CreatorStatsSnapshot> SnapshotAsync() =>
        new(await _stats(), _time.GetUtcNow(), _earnings is null ? null : await _earnings());
}
