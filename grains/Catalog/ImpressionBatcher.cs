using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// Per-silo pre-aggregation of feed impressions: user grains add each served video, counts of one video
/// merge, and every <see cref="CatalogOptions.CoEngagementFlushInterval"/> the silo sends each shard its
/// videos' counts in one one-way call, so counting impressions costs no grain call per item or per feed.
/// Impressions are soft state for exploration: the few gathered when a silo dies are lost.
/// </summary>
public sealed partial class ImpressionBatcher : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly int _shards;
    private readonly Dictionary<string, int>[] _pending;
    private readonly ITimer _timer;
    private readonly ILogger<ImpressionBatcher> _logger;
    private readonly Analytics.VideoImpressionBatcher _videos;
    private volatile bool _disposed;

    public ImpressionBatcher(IGrainFactory grains, IOptions<CatalogOptions> options, TimeProvider time, ILogger<ImpressionBatcher> logger, Analytics.VideoImpressionBatcher videos)
    {
        _grains = grains;
        _videos = videos;
        _logger = logger;
        var catalog = options.Value;
        _shards = catalog.Shards;
        _pending = new Dictionary<string, int>[_shards];
        for (var i = 0; i < _pending.Length; i++)
        {
            _pending[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        _timer = time.CreateTimer(static state => ((ImpressionBatcher)state!).Flush(), this, catalog.CoEngagementFlushInterval, catalog.CoEngagementFlushInterval);
    }

    /// <summary>Counts one impression of each item of a served page (for the shards and for the videos' analytics).</summary>
    public void Served(FeedItem[] items)
    {
        // The videos' own analytics count the same impressions, by source.
        _videos.Served(items);
        foreach (var item in items)
        {
            var pending = _pending[IdHash.Shard(item.VideoId, _shards)];
            lock (pending)
            {
                pending[item.VideoId] = pending.GetValueOrDefault(item.VideoId) + 1;
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
                VideoImpressions[] batch;
                var pending = _pending[shard];
                lock (pending)
                {
                    if (pending.Count == 0)
                    {
                        continue;
                    }

                    batch = new VideoImpressions[pending.Count];
                    var i = 0;
                    foreach (var (videoId, count) in pending)
                    {
                        batch[i++] = new VideoImpressions(videoId, count);
                    }

                    pending.Clear();
                }

                _ = _grains.Reference<ICatalogShardGrain>(shard).RecordImpressionsAsync(batch);
            }
        }
        catch (Exception ex)
        {
            // The silo is stopping (its services are disposed) or not started yet: the counts are dropped.
            LogFlushFailed(_logger, ex);
        }
    }

    // Counts still pending at shutdown are dropped with the silo, as a crash would drop them.
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending feed impressions to the catalog shards failed; they are dropped")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
