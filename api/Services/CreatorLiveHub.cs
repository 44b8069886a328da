using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Services;

/// <summary>
/// The gateway's live creator subscriptions: however many streams watch one creator, this process
/// holds one registration with the creator's grain, made when the first stream opens and ended when
/// the last one closes.
/// </summary>
public sealed class CreatorLiveHub : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CreatorLiveSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly LiveOptions _options;
    private readonly JsonOptions _json;
    private readonly TimeProvider _time;
    private readonly ILogger<CreatorLiveHub> _logger;
    private int _viewers;

    public CreatorLiveHub(
        IGrainFactory grains, IOptions<LiveOptions> options, IOptions<JsonOptions> json, TimeProvider time,
        ILogger<CreatorLiveHub> logger, IMeterFactory meters)
    {
        _grains = grains;
        _options = options.Value;
        _json = json.Value;
        _time = time;
        _logger = logger;
        var meter = meters.Create(PlatformMetrics.MeterName);
        meter.CreateObservableUpDownCounter("platform.live.subscriptions", () => SubscriptionCount, "{subscription}",
            "Creators this gateway watches live (one grain registration each).");
        meter.CreateObservableUpDownCounter("platform.live.streams", () => StreamCount, "{stream}",
            "Open live streams of creator counters.");
    }

    /// <summary>Creators this gateway holds a grain registration for.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_lock)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Open live streams.</summary>
    public int StreamCount => Volatile.Read(ref _viewers);

    /// <summary>Whether this gateway holds a registration for <paramref name="creatorId"/>.</summary>
    public bool IsWatching(string creatorId)
    {
        lock (_lock)
        {
            return _subscriptions.ContainsKey(creatorId);
        }
    }

    /// <summary>
    /// Opens a viewer of <paramref name="creatorId"/>, joining the shared subscription or starting it.
    /// Returns once the viewer holds the creator's current counters; throws when the cluster does not answer.
    /// </summary>
    public async Task<CreatorLiveViewer> WatchAsync(string creatorId, CancellationToken cancellationToken)
    {
        CreatorLiveViewer viewer;
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(creatorId, out var subscription))
            {
                subscription = new CreatorLiveSubscription(creatorId, _grains, _json.SerializerOptions, _options, _time, _logger);
                _subscriptions.Add(creatorId, subscription);
                subscription.Start();
            }

            viewer = new CreatorLiveViewer(this, subscription);
            subscription.Add(viewer);
            _viewers++;
        }

        try
        {
            await viewer.Subscription.Ready.WaitAsync(cancellationToken);
            return viewer;
        }
        catch
        {
            await viewer.DisposeAsync();
            throw;
        }
    }

    internal async ValueTask LeaveAsync(CreatorLiveViewer viewer)
    {
        var subscription = viewer.Subscription;
        lock (_lock)
        {
            _viewers--;
            if (subscription.Remove(viewer) > 0 || !_subscriptions.Remove(subscription.CreatorId))
            {
                return;
            }
        }

        await subscription.CloseAsync(unsubscribe: true);
    }

    /// <summary>Releases every subscription without calling the cluster, which is shutting down too; grains drop expired registrations.</summary>
    public async ValueTask DisposeAsync()
    {
        CreatorLiveSubscription[] subscriptions;
        lock (_lock)
        {
            subscriptions = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.CloseAsync(unsubscribe: false);
        }
    }
}
