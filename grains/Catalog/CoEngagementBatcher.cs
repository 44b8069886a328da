using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Catalog;

/// <summary>
/// Per-silo pre-aggregation of co-engagement records. User grains add each record for the shards that
/// keep its edges, and every <see cref="CatalogOptions.CoEngagementFlushInterval"/> the silo sends each
/// shard what gathered for it in one one-way call, instead of a call per shard per user batch (which
/// made every engagement up to eight messages on eight hot shard activations). Records are learning
/// signals, not counters: the few gathered when a silo dies are lost, never a count.
/// </summary>
public sealed class CoEngagementBatcher : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly int _maxPending;
    private readonly List<CoEngagementRecord>[] _pending;
    private readonly ITimer _timer;

    public CoEngagementBatcher(IGrainFactory grains, IOptions<CatalogOptions> options, TimeProvider time)
    {
        var catalog = options.Value;
        _grains = grains;
        _maxPending = catalog.MaxPendingCoEngagement;
        _pending = new List<CoEngagementRecord>[catalog.Shards];
        for (var i = 0; i < _pending.Length; i++)
        {
            _pending[i] = [];
        }

        _timer = time.CreateTimer(static state => ((CoEngagementBatcher)state!).Flush(), this, catalog.CoEngagementFlushInterval, catalog.CoEngagementFlushInterval);
    }

    /// <summary>Queues <paramref name="record"/> for <paramref name="shard"/>; drops it when that shard already has the most pending.</summary>
    public void Add(int shard, CoEngagementRecord record)
    {
        var pending = _pending[shard];
        lock (pending)
        {
            if (pending.Count < _maxPending)
            {
                pending.Add(record);
            }
        }
    }

    /// <summary>Sends every shard what is pending for it.</summary>
    private void Flush()
    {
        for (var shard = 0; shard < _pending.Length; shard++)
        {
            CoEngagementRecord[] records;
            var pending = _pending[shard];
            lock (pending)
            {
                if (pending.Count == 0)
                {
                    continue;
                }

                records = [.. pending];
                pending.Clear();
            }

            _ = _grains.Reference<ICatalogShardGrain>(shard).RecordCoEngagementAsync(records);
        }
    }

    // Records still pending at shutdown are dropped with the silo, as a crash would drop them.
    public void Dispose() => _timer.Dispose();
}
