using System.Text.Json;
using Microsoft.Extensions.Logging;
using Platform.Api.Options;
using Platform.GrainInterfaces;

namespace Platform.Api.Services;

/// <summary>
/// This gateway's one registration with a creator's grain, shared by every open stream of that
/// creator. Receives the grain's coalesced snapshots, renews the registration before it expires,
/// encodes each new snapshot once as an SSE <c>stats</c> event and hands it to every viewer.
/// </summary>
internal sealed partial class CreatorLiveSubscription : ICreatorStatsObserver
{
    private readonly Lock _lock = new();
    private readonly List<CreatorLiveViewer> _viewers = [];
    private readonly IGrainFactory _grains;
    private readonly ICreatorGrain _creator;
    private readonly ICreatorStatsObserver _reference;
    private readonly JsonSerializerOptions _json;
    private readonly LiveOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _latestAt = DateTimeOffset.MinValue;
    private ReadOnlyMemory<byte> _frame;
    private Task _renewal = Task.CompletedTask;

    public CreatorLiveSubscription(
        string creatorId, IGrainFactory grains, JsonSerializerOptions json, LiveOptions options, TimeProvider time, ILogger logger)
    {
        CreatorId = creatorId;
        _grains = grains;
        _creator = grains.GetGrain<ICreatorGrain>(creatorId);
        _json = json;
        _options = options;
        _time = time;
        _logger = logger;

        // The runtime holds observers weakly; this subscription keeps the object alive.
        _reference = grains.CreateObjectReference<ICreatorStatsObserver>(this);
        Ready = Task.CompletedTask;
    }

    public string CreatorId { get; }

    /// <summary>Completes once the grain accepted the registration and the first snapshot is in.</summary>
    public Task Ready { get; private set; }

    public void Start()
    {
        Ready = SubscribeAsync();
        _renewal = RenewAsync();
    }

    /// <summary>Adds a viewer and hands it the latest snapshot, if one is in yet. Returns the viewer count.</summary>
    public int Add(CreatorLiveViewer viewer)
    {
        lock (_lock)
        {
            _viewers.Add(viewer);
            if (!_frame.IsEmpty)
            {
                viewer.Offer(_frame);
            }

            return _viewers.Count;
        }
    }

    /// <summary>Removes a viewer. Returns the viewer count left.</summary>
    public int Remove(CreatorLiveViewer viewer)
    {
        lock (_lock)
        {
            _viewers.Remove(viewer);
            return _viewers.Count;
        }
    }

    public Task OnStatsChangedAsync(CreatorStatsSnapshot snapshot)
    {
        Publish(snapshot);
        return Task.CompletedTask;
    }

    public Task OnContentNoticeAsync(ContentNotice notice)
    {
        var frame = Frame(ServerSentEvents.ContentEventPrefix, JsonSerializer.SerializeToUtf8Bytes(notice, _json));
        lock (_lock)
        {
            foreach (var viewer in _viewers)
            {
                viewer.OfferNotice(frame);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Ends the registration (best effort: the grain drops it on its own when renewals stop).</summary>
    public async Task CloseAsync(bool unsubscribe)
    {
        await _stop.CancelAsync();
        await _renewal;
        try
        {
            await Ready;
            if (unsubscribe)
            {
                await _creator.UnsubscribeAsync(_reference).WaitAsync(_options.UnsubscribeTimeout);
            }
        }
        catch (Exception exception)
        {
            LogUnsubscribeFailed(_logger, CreatorId, exception);
        }
        finally
        {
            try
            {
                _grains.DeleteObjectReference<ICreatorStatsObserver>(_reference);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
            {
                // The client is already shut down; nothing is left to release.
            }

            _stop.Dispose();
        }
    }

    private async Task SubscribeAsync() => Publish(await _creator.SubscribeAsync(_reference));

    private async Task RenewAsync()
    {
        try
        {
            await Ready;
        }
        catch
        {
            // The viewers see the failure through Ready and leave; nothing to renew.
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(_options.RenewInterval, _time);
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    Publish(await _creator.SubscribeAsync(_reference).WaitAsync(_stop.Token));
                }
                catch (Exception exception) when (!_stop.IsCancellationRequested)
                {
                    LogRenewFailed(_logger, CreatorId, exception);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private void Publish(CreatorStatsSnapshot snapshot)
    {
        var frame = Encode(snapshot.Stats, snapshot.Earnings);
        lock (_lock)
        {
            // One-way notifications and renewal answers may cross; the newest snapshot wins.
            if (snapshot.TakenAt < _latestAt)
            {
                return;
            }

            _latestAt = snapshot.TakenAt;
            if (frame.Span.SequenceEqual(_frame.Span))
            {
                return;
            }

            _frame = frame;
            foreach (var viewer in _viewers)
            {
                viewer.Offer(frame);
            }
        }
    }

    private ReadOnlyMemory<byte> Encode(CreatorStats stats, CreatorEarnings? earnings)
    {
        var json = earnings is null
            ? JsonSerializer.SerializeToUtf8Bytes(stats, _json)
            : LiveStatsFrame.Serialize(stats, earnings, _json);
        return Frame(ServerSentEvents.StatsEventPrefix, json);
    }

    private static ReadOnlyMemory<byte> Frame(ReadOnlySpan<byte> prefix, byte[] json)
    {
        var frame = new byte[prefix.Length + json.Length + ServerSentEvents.EventEnd.Length];
        prefix.CopyTo(frame);
        json.CopyTo(frame.AsSpan(prefix.Length));
        ServerSentEvents.EventEnd.CopyTo(frame.AsSpan(prefix.Length + json.Length));
        return frame;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the live registration of creator {CreatorId} failed; retrying at the next interval")]
    private static partial void LogRenewFailed(ILogger logger, string creatorId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ending the live registration of creator {CreatorId} failed; the grain drops it when it expires")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string creatorId, Exception exception);
}
