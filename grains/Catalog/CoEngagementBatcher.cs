using Microsoft.Extensions.Logging;
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
public sealed partial class CoEngagementBatcher : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly int _maxPending;
    private readonly List<CoEngagementRecord>[] _pending;
    private readonly ITimer _timer;
    private readonly ILogger<CoEngagementBatcher> _logger;
    private volatile bool _disposed;

    public CoEngagementBatcher(IGrainFactory grains, IOptions<CatalogOptions> options, TimeProvider time, ILogger<CoEngagementBatcher> logger)
    {
        _logger = logger;
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

    /// <summary>Sends every shard what is pending for it. Never throws: it runs on a timer.</summary>
    private void Flush()
    {
        if (_disposed)
        {
            return;
        }

        try
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
        catch (Exception ex)
        {
            // The silo is stopping (its services are disposed) or not started yet: the records are dropped.
            LogFlushFailed(_logger, ex);
        }
    }

    // Records still pending at shutdown are dropped with the silo, as a crash would drop them.
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending co-engagement records to the catalog shards failed; they are dropped")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
