using System.Collections.Concurrent;

namespace Platform.Grains.Storage;

/// <summary>
/// Per-silo merge of calls to one receiver: what this silo's grains send one receiver while a call to it is under way
/// goes, in arrival order, into the next call, so a busy receiver gets one call per round trip from each silo instead
/// of one per sender. No timer: under light load every send goes out at once.
/// </summary>
/// <remarks>
/// A sender's items travel whole and in order inside one call, and its task completes only when the call that carried
/// them did; a failed call fails every sender it carried, which keep their items to resend. So the receiver's
/// exactly-once bookkeeping is unchanged: it sees the same items, fewer calls.
/// </remarks>
public sealed class CallMerger<T>(Func<string, T[], Task> send, int maxItemsPerCall)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Sends <paramref name="items"/> to the receiver <paramref name="key"/>; completes once it acknowledged them.</summary>
    public Task SendAsync(string key, T[] items)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (true)
        {
            var lane = _lanes.GetOrAdd(key, static k => new Lane(k));
            lock (lane)
            {
                if (lane.Retired)
                {
                    continue;
                }

                lane.Waiting.Enqueue((items, done));
                if (lane.Flushing)
                {
                    return done.Task;
                }

                lane.Flushing = true;
            }

            // The first call goes out at once from the sender; the loop then continues off any grain's scheduler
            // (ConfigureAwait(false) below), since it serves every sender of this silo.
            _ = FlushAsync(lane);
            return done.Task;
        }
    }

    /// <summary>Sends what waits, one call at a time, until nothing does; then retires the lane.</summary>
    private async Task FlushAsync(Lane lane)
    {
        var senders = new List<TaskCompletionSource>();
        var batch = new List<T>();
        while (true)
        {
            lock (lane)
            {
                while (lane.Waiting.TryPeek(out var next) && (batch.Count == 0 || batch.Count + next.Items.Length <= maxItemsPerCall))
                {
                    lane.Waiting.Dequeue();
                    batch.AddRange(next.Items);
                    senders.Add(next.Done);
                }

                if (batch.Count == 0)
                {
                    lane.Flushing = false;
                    lane.Retired = true;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.Key, lane));
                    return;
                }
            }

            Exception? failure = null;
            try
            {
                await send(lane.Key, [.. batch]).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            CallOutcome.CompleteAll(senders, failure);
            batch.Clear();
            senders.Clear();
        }
    }

    /// <summary>One receiver's queue; guarded by its own lock.</summary>
    private sealed class Lane(string key)
    {
        public string Key { get; } = key;

        public Queue<(T[] Items, TaskCompletionSource Done)> Waiting { get; } = new();

        public bool Flushing { get; set; }

        public bool Retired { get; set; }
    }
}
