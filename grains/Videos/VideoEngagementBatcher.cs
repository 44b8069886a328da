using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Videos;

/// <summary>
/// Per-silo pre-aggregation in front of every video. What the users on this silo send one video
/// while a call to it is under way is merged into the next call, so a hot video receives one call
/// per round trip from each silo, and applies, writes and tells its creator once per round, instead
/// of once per user batch. Context reads are shared the same way: one in flight per video.
/// </summary>
/// <remarks>
/// Exactness and durability are the video's, unchanged: a caller's requests travel whole and in
/// order inside one call, the video still applies each (user, sequence) once and answers only when
/// the effects are durable, and a caller completes only when the call that carried its requests
/// did. A failed call fails every caller it carried; their requests stay in their users' outboxes
/// and are resent. Batching adds no timer: under light load every request goes out at once.
/// Users' confirmations (which only let a video forget deliveries sooner) wait up to
/// <see cref="DeliveryOptions.ConfirmationHold"/> for the next call to their video, which carries them; a sweep
/// every half hold sends those that waited that long in a one-way call of their own.
/// </remarks>
public sealed class VideoEngagementBatcher : IDisposable
{
    private static readonly TimeSpan MinSweepPeriod = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, VideoEngagementLane> _lanes = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly VideoContextCache _contexts;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer? _sweep;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _confirmationCalls;
    private readonly Counter<long> _confirmations;

    public VideoEngagementBatcher(
        IGrainFactory grains, IOptions<DeliveryOptions> options, IMeterFactory meterFactory, VideoContextCache contexts, TimeProvider time)
    {
        _grains = grains;
        _contexts = contexts;
        _options = options.Value;
        _time = time;

        // The gateway exports the meter named "Platform" on /metrics.
        var meter = meterFactory.Create("Platform");
        _calls = meter.CreateCounter<long>("platform.video_engagement.calls", "{call}", "Merged engagement calls this silo sent to videos.");
        _requests = meter.CreateCounter<long>("platform.video_engagement.requests", "{request}", "User engagement requests those calls carried.");
        _confirmationCalls = meter.CreateCounter<long>("platform.video_engagement.confirmation_calls", "{call}",
            "Calls this silo sent to videos with users' confirmations only (no engagement call carried them in time).");
        _confirmations = meter.CreateCounter<long>("platform.video_engagement.confirmations", "{confirmation}",
            "Users' confirmations this silo sent to videos, carried by engagement calls or in calls of their own.");
        if (_options.BatchVideoEngagement && _options.ConfirmationHold > TimeSpan.Zero)
        {
            var period = _options.ConfirmationHold / 2 > MinSweepPeriod ? _options.ConfirmationHold / 2 : MinSweepPeriod;
            _sweep = time.CreateTimer(_ => Sweep(), null, period, period);
        }
    }

    public void Dispose() => _sweep?.Dispose();

    /// <summary>Whether events on the video are accepted, and what a user learns from it.</summary>
    public Task<VideoEngagementContext> GetContextAsync(string videoId)
    {
        if (_contexts.TryGet(videoId, out var cached))
        {
            return Task.FromResult(cached);
        }

        if (!_options.BatchVideoEngagement)
        {
            return ReadContextAsync(videoId);
        }

        while (true)
        {
            var lane = Lane(videoId);
            lock (lane)
            {
                if (lane.Retired)
                {
                    continue;
                }

                var read = lane.ContextRead;
                if (read is null)
                {
                    lane.ContextRead = read = ReadContextAsync(videoId);
                    _ = EndContextReadAsync(lane, read);
                }

                return read;
            }
        }
    }

    /// <summary>Sends a user's requests to the video; completes once the video acknowledged them.</summary>
    public Task ApplyAsync(string videoId, VideoEngagementRequest[] requests)
    {
        if (!_options.BatchVideoEngagement)
        {
            return Video(videoId).ApplyEngagementAsync(requests);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(videoId, flush: true, lane => lane.Waiting.Enqueue((requests, done)));
        return done.Task;
    }

    /// <summary>
    /// Tells the video, with the next call to it (at most <see cref="DeliveryOptions.ConfirmationHold"/> from now),
    /// that the user will never resend up to <paramref name="sequence"/>.
    /// </summary>
    public void Confirm(string videoId, string userId, long sequence)
    {
        var confirmation = new EngagementConfirmation(userId, sequence);
        if (!_options.BatchVideoEngagement)
        {
            _confirmationCalls.Add(1);
            _confirmations.Add(1);
            _ = Video(videoId).ConfirmEngagementAsync([confirmation]);
            return;
        }

        var now = _time.GetUtcNow().UtcTicks;
        Enqueue(videoId, flush: _sweep is null, lane =>
        {
            if (lane.Confirmations.Count == 0)
            {
                lane.ConfirmationsSince = now;
            }

            lane.Confirmations.Add(confirmation);
        });
    }

    /// <summary>Starts a flush of every lane whose confirmations waited a whole hold and that no flush serves now.</summary>
    private void Sweep()
    {
        var due = (_time.GetUtcNow() - _options.ConfirmationHold).UtcTicks;
        foreach (var (_, lane) in _lanes)
        {
            lock (lane)
            {
                if (lane.Flushing || lane.Retired || lane.Confirmations.Count == 0 || lane.ConfirmationsSince > due)
                {
                    continue;
                }

                lane.Flushing = true;
            }

            _ = FlushAsync(lane);
        }
    }

    /// <summary>Asks the video, and keeps an accepting answer in this silo's <see cref="VideoContextCache"/>.</summary>
    private async Task<VideoEngagementContext> ReadContextAsync(string videoId)
    {
        if (!_contexts.Enabled)
        {
            return await Video(videoId).GetEngagementContextAsync();
        }

        var generation = _contexts.Generation;
        var context = await Video(videoId).GetEngagementContextAsync().ConfigureAwait(false);
        _contexts.Store(videoId, context, generation);
        return context;
    }

    private IVideoGrain Video(string videoId) => _grains.Reference<IVideoGrain>(videoId);

    private VideoEngagementLane Lane(string videoId) =>
        _lanes.GetOrAdd(videoId, static id => new VideoEngagementLane(id));

    /// <summary>Adds to the video's lane and, when <paramref name="flush"/> and none runs, starts its flush.</summary>
    private void Enqueue(string videoId, bool flush, Action<VideoEngagementLane> add)
    {
        while (true)
        {
            var lane = Lane(videoId);
            lock (lane)
            {
                if (lane.Retired)
                {
                    continue;
                }

                add(lane);
                if (lane.Flushing || !flush)
                {
                    return;
                }

                lane.Flushing = true;
            }

            // The first call goes out at once from the caller; the loop then continues off any grain's
            // scheduler (ConfigureAwait(false) below), since it serves every user of this silo.
            _ = FlushAsync(lane);
            return;
        }
    }

    /// <summary>
    /// Sends what waits, one call at a time, until nothing does: requests with the confirmations waiting beside them,
    /// or confirmations alone once they waited a whole hold.
    /// </summary>
    private async Task FlushAsync(VideoEngagementLane lane)
    {
        var callers = new List<TaskCompletionSource>();
        var batch = new List<VideoEngagementRequest>();
        while (true)
        {
            EngagementConfirmation[]? confirmations = null;
            lock (lane)
            {
                while (lane.Waiting.TryPeek(out var next)
                    && (batch.Count == 0 || batch.Count + next.Requests.Length <= _options.MaxEngagementBatch))
                {
                    lane.Waiting.Dequeue();
                    batch.AddRange(next.Requests);
                    callers.Add(next.Done);
                }

                if (lane.Confirmations.Count > 0
                    && (batch.Count > 0 || _time.GetUtcNow().UtcTicks - lane.ConfirmationsSince >= _options.ConfirmationHold.Ticks))
                {
                    confirmations = [.. lane.Confirmations];
                    lane.Confirmations.Clear();
                }

                if (batch.Count == 0 && confirmations is null)
                {
                    // Confirmations younger than the hold stay for the next call or the sweep.
                    lane.Flushing = false;
                    RetireIfIdle(lane);
                    return;
                }
            }

            if (confirmations is not null)
            {
                _confirmations.Add(confirmations.Length);
            }

            if (batch.Count == 0)
            {
                _confirmationCalls.Add(1);
                try
                {
                    _ = Video(lane.VideoId).ConfirmEngagementAsync(confirmations!);
                }
                catch (Exception)
                {
                    // The silo is stopping. Confirmations only let the video forget sooner: its marks expire anyway.
                }
            }
            else
            {
                _calls.Add(1);
                _requests.Add(batch.Count);
                Exception? failure = null;
                try
                {
                    // A failed call loses the confirmations it carried: the video's marks then expire on their own.
                    var video = Video(lane.VideoId);
                    await (confirmations is null
                        ? video.ApplyEngagementAsync([.. batch])
                        : video.ConfirmAndApplyEngagementAsync(confirmations, [.. batch])).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }

                CallOutcome.CompleteAll(callers, failure);
                batch.Clear();
                callers.Clear();
            }
        }
    }

    private async Task EndContextReadAsync(VideoEngagementLane lane, Task<VideoEngagementContext> read)
    {
        await ((Task)read).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        lock (lane)
        {
            lane.ContextRead = null;
            RetireIfIdle(lane);
        }
    }

    /// <summary>Called under the lane's lock.</summary>
    private void RetireIfIdle(VideoEngagementLane lane)
    {
        if (lane.Idle)
        {
            lane.Retired = true;
            _lanes.TryRemove(new KeyValuePair<string, VideoEngagementLane>(lane.VideoId, lane));
        }
    }
}
