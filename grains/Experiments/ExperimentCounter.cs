using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Experiments;

/// <summary>
/// Per-silo aggregation of experiment counts: user grains add to in-memory totals (no grain call per
/// event or impression), and every <see cref="ExperimentOptions.FlushInterval"/> each experiment gets
/// one call carrying what gathered for it, numbered per sender so a resent flush is applied once. A
/// flush that fails is resent as it was (same sequence) before anything newer, so nothing is counted
/// twice and nothing is dropped while the silo lives; what a crashed silo had not flushed (at most one
/// interval) is lost, as the docs say.
/// </summary>
public sealed partial class ExperimentCounter : IDisposable
{
    private static readonly int Metrics = Enum.GetValues<ExperimentMetric>().Length;

    private readonly Guid _sender = Guid.NewGuid();
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly ILogger<ExperimentCounter> _logger;
    private readonly Counter<long> _counted;
    private readonly ITimer _timer;
    private volatile bool _disposed;

    public ExperimentCounter(IGrainFactory grains, IOptions<ExperimentOptions> options, TimeProvider time, IMeterFactory meters, ILogger<ExperimentCounter> logger)
    {
        _grains = grains;
        _logger = logger;
        // The gateway's own meter name, so /metrics exports these beside the platform's other instruments.
        _counted = meters.Create("Platform").CreateCounter<long>(
            "platform.experiment.counts", "{count}", "Experiment users, impressions and attributed engagements, by experiment, variant and metric.");
        var period = options.Value.FlushInterval;
        _timer = time.CreateTimer(static s => ((ExperimentCounter)s!).Flush(), this, period, period);
    }

    /// <summary>Adds <paramref name="n"/> to <paramref name="metric"/> of variant <paramref name="variant"/> of <paramref name="experiment"/>.</summary>
    public void Add(RunningExperiment experiment, int variant, ExperimentMetric metric, long n = 1)
    {
        var pending = _pending.GetOrAdd(experiment.ExperimentId, static (_, e) => new Pending(e.Variants.Length * Metrics), experiment);
        var slot = variant * Metrics + (int)metric;
        if ((uint)slot < (uint)pending.Counts.Length)
        {
            Interlocked.Add(ref pending.Counts[slot], n);
            if (metric < ExperimentMetric.Clusters)
            {
                _counted.Add(n, new("experiment", experiment.ExperimentId), new("variant", experiment.Variants[variant].Name), new("metric", MetricName(metric)));
            }
        }
    }

    /// <summary>Sends every experiment what gathered for it. Never throws: it runs on a timer.</summary>
    private void Flush()
    {
        if (_disposed)
        {
            return;
        }

        foreach (var (experimentId, pending) in _pending)
        {
            var batch = pending.TakeBatch(_sender);
            if (batch is not null)
            {
                _ = SendAsync(experimentId, pending, batch);
            }
        }
    }

    private async Task SendAsync(string experimentId, Pending pending, ExperimentCountsBatch batch)
    {
        try
        {
            await _grains.GetGrain<IExperimentGrain>(experimentId).AddCountsAsync(batch);
            pending.Sent(batch);
        }
        catch (Exception ex)
        {
            pending.Failed();
            LogFlushFailed(_logger, ex, experimentId);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private static string MetricName(ExperimentMetric metric) => metric switch
    {
        ExperimentMetric.Users => "users",
        ExperimentMetric.Impressions => "impressions",
        ExperimentMetric.Views => "views",
        ExperimentMetric.Completions => "completions",
        ExperimentMetric.Likes => "likes",
        ExperimentMetric.Shares => "shares",
        ExperimentMetric.Skips => "skips",
        _ => "comments",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending experiment counts to {ExperimentId} failed; they are resent on the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string experimentId);

    /// <summary>One experiment's counts gathered since the last flush, and the flush in flight or waiting to be resent.</summary>
    private sealed class Pending(int slots)
    {
        public readonly long[] Counts = new long[slots];
        private readonly Lock _gate = new();
        private long _sequence;
        private ExperimentCountsBatch? _unsent;
        private bool _sending;

        /// <summary>The batch to send now (the unsent one first), or null when nothing is due or a send is under way.</summary>
        public ExperimentCountsBatch? TakeBatch(Guid sender)
        {
            lock (_gate)
            {
                if (_sending)
                {
                    return null;
                }

                if (_unsent is null)
                {
                    var counts = new List<VariantCounts>();
                    for (var v = 0; v < Counts.Length / Metrics; v++)
                    {
                        var c = new long[Metrics];
                        var any = false;
                        for (var m = 0; m < Metrics; m++)
                        {
                            c[m] = Interlocked.Exchange(ref Counts[v * Metrics + m], 0);
                            any |= c[m] != 0;
                        }

                        if (any)
                        {
                            counts.Add(new VariantCounts(v, c));
                        }
                    }

                    if (counts.Count == 0)
                    {
                        return null;
                    }

                    _unsent = new ExperimentCountsBatch(sender, ++_sequence, [.. counts]);
                }

                _sending = true;
                return _unsent;
            }
        }

        public void Sent(ExperimentCountsBatch batch)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_unsent, batch))
                {
                    _unsent = null;
                }

                _sending = false;
            }
        }

        public void Failed()
        {
            lock (_gate)
            {
                _sending = false;
            }
        }
    }
}
