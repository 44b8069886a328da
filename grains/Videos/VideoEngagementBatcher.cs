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
/// </remarks>
public sealed class VideoEngagementBatcher
{
    private readonly ConcurrentDictionary<string, VideoEngagementLane> _lanes = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly VideoContextCache _contexts;
    private readonly DeliveryOptions _options;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _requests;

    public VideoEngagementBatcher(IGrainFactory grains, IOptions<DeliveryOptions> options, IMeterFactory meterFactory, VideoContextCache contexts)
    {
        _grains = grains;
        _contexts = contexts;
        _options = options.Value;

        // The gateway exports the meter named "Platform" on /metrics.
        var meter = meterFactory.Create("Platform");
        _calls = meter.CreateCounter<long>("platform.video_engagement.calls", "{call}", "Merged engagement calls this silo sent to videos.");
        _requests = meter.CreateCounter<long>("platform.video_engagement.requests", "{request}", "User engagement requests those calls carried.");
    }

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
        Enqueue(videoId, lane => lane.Waiting.Enqueue((requests, done)));
        return done.Task;
    }

    /// <summary>Tells the video, with the next call, that the user will never resend up to <paramref name="sequence"/>.</summary>
    public void Confirm(string videoId, string userId, long sequence)
    {
        if (!_options.BatchVideoEngagement)
        {
            _ = Video(videoId).ConfirmEngagementAsync([new EngagementConfirmation(userId, sequence)]);
            return;
        }

        Enqueue(videoId, lane => lane.Confirmations.Add(new EngagementConfirmation(userId, sequence)));
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

    private void Enqueue(string videoId, Action<VideoEngagementLane> add)
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
                if (lane.Flushing)
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

    /// <summary>Sends what waits, one call at a time, until nothing does.</summary>
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

                if (lane.Confirmations.Count > 0)
                {
                    confirmations = [.. lane.Confirmations];
                    lane.Confirmations.Clear();
                }

                if (batch.Count == 0 && confirmations is null)
                {
                    lane.Flushing = false;
                    RetireIfIdle(lane);
                    return;
                }
            }

            if (confirmations is not null)
            {
                try
                {
                    _ = Video(lane.VideoId).ConfirmEngagementAsync(confirmations);
                }
                catch (Exception)
                {
                    // The silo is stopping. Confirmations only let the video forget sooner: its marks expire anyway.
                }
            }

            if (batch.Count > 0)
            {
                _calls.Add(1);
                _requests.Add(batch.Count);
                Exception? failure = null;
                try
                {
                    await Video(lane.VideoId).ApplyEngagementAsync([.. batch]).ConfigureAwait(false);
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
