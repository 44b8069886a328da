using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Analytics;

/// <summary>
/// Per-silo counting of the feed impressions each video gets, by candidate source: user grains add every
/// served item (through the catalog's <see cref="Catalog.ImpressionBatcher"/>), and every
/// <see cref="AnalyticsOptions.ImpressionFlushInterval"/> each video with new impressions gets one one-way
/// call with its counts. No grain call per feed page; like the catalog's impressions these are soft counts,
/// and the few gathered when a silo dies are lost.
/// </summary>
public sealed partial class VideoImpressionBatcher : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly bool _enabled;
    private readonly Dictionary<string, long[]> _pending = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly ILogger<VideoImpressionBatcher> _logger;
    private readonly int _sources = Enum.GetValues<CandidateSource>().Length;
    private volatile bool _disposed;

    public VideoImpressionBatcher(IGrainFactory grains, IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<VideoImpressionBatcher> logger)
    {
        _grains = grains;
        _logger = logger;
        _enabled = options.Value.Enabled;
        var interval = options.Value.ImpressionFlushInterval;
        _timer = time.CreateTimer(static state => ((VideoImpressionBatcher)state!).Flush(), this, interval, interval);
    }

    /// <summary>Counts one impression of each item of a served page, under the item's source.</summary>
    public void Served(FeedItem[] items)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_pending)
        {
            foreach (var item in items)
            {
                if (!_pending.TryGetValue(item.VideoId, out var counts))
                {
                    _pending[item.VideoId] = counts = new long[_sources];
                }

                var source = (int)item.Source;
                if (source >= 0 && source < counts.Length)
                {
                    counts[source]++;
                }
            }
        }
    }

    /// <summary>Sends every video what is pending for it. Never throws: it runs on a timer.</summary>
    private void Flush()
    {
        if (_disposed)
        {
            return;
        }

        KeyValuePair<string, long[]>[] batch;
        lock (_pending)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = [.. _pending];
            _pending.Clear();
        }

        try
        {
            foreach (var (videoId, counts) in batch)
            {
                var impressions = new List<SourceImpressions>(2);
                for (var s = 0; s < counts.Length; s++)
                {
                    if (counts[s] > 0)
                    {
                        impressions.Add(new SourceImpressions((CandidateSource)s, counts[s]));
                    }
                }

                _ = _grains.Reference<IVideoGrain>(videoId).RecordImpressionsAsync([.. impressions]);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending feed impressions to the videos failed; they are dropped")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
