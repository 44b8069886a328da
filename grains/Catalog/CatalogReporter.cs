using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Catalog;

/// <summary>
/// Carries videos' reports (embedding and signals) to their catalog shards for the whole silo: a video
/// hands its latest report over after each engagement, reports of the same video merge until the next
/// send (the latest embedding and counters, the recent engagement summed), and once per
/// <see cref="CatalogOptions.ReportInterval"/> one timer sends each shard one batch. This replaces a
/// one-shot grain timer per engaged video, whose creation and disposal contended on the runtime's
/// timer lock. Reports are soft state: one lost to a crash is repaired by the video's next report or
/// by its re-announcement when it activates.
/// </summary>
public sealed partial class CatalogReporter(
    IGrainFactory grains,
    IOptions<CatalogOptions> options,
    TimeProvider time,
    ILogger<CatalogReporter> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, (int Shard, VideoReport Report)> _pending = new(StringComparer.Ordinal);
    private Dictionary<string, (int Shard, VideoReport Report)> _spare = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Reports waiting for the next send (diagnostics, tests).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Queues a video's report for its shard, merging it with one still waiting.</summary>
    public void Report(int shard, VideoReport report)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(report.VideoId, out var waiting))
            {
                var recent = waiting.Report.Signals.RecentEngagement + report.Signals.RecentEngagement;
                report = report with { Signals = report.Signals with { RecentEngagement = recent } };
            }

            _pending[report.VideoId] = (shard, report);
        }
    }

    /// <summary>Sends every waiting report, one batch per shard.</summary>
    public async Task FlushAsync()
    {
        Dictionary<string, (int Shard, VideoReport Report)> batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = _spare;
            _spare = batch;
        }

        var byShard = new Dictionary<int, List<VideoReport>>();
        foreach (var (_, (shard, report)) in batch)
        {
            if (!byShard.TryGetValue(shard, out var list))
            {
                byShard[shard] = list = [];
            }

            list.Add(report);
        }

        batch.Clear();
        var sends = new List<Task>(byShard.Count);
        foreach (var (shard, reports) in byShard)
        {
            sends.Add(grains.GetGrain<ICatalogShardGrain>(shard).ReportBatchAsync([.. reports]));
        }

        await Task.WhenAll(sends);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CatalogReporter), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose()
    {
        // Registered under two service types, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
        try
        {
            await FlushAsync();
        }
        catch (Exception ex)
        {
            LogFlushFailed(logger, ex);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReportInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await FlushAsync();
                }
                catch (Exception ex)
                {
                    LogFlushFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending video reports to the catalog shards failed; the videos' next reports repair it")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
