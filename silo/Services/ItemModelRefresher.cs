using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Silo.Services;

/// <summary>
/// Rebuilds the silo's item-item model every <see cref="ItemModelOptions.RefreshInterval"/> from the catalog
/// shards' co-engagement (<see cref="ItemModelRefresh"/>: the relation spans shards, so every shard is asked)
/// and swaps it into the <see cref="ItemModelHolder"/> the silo's shards read. Every silo builds its own copy
/// (no single point, no 4 × MaxItems² bytes message); the solve runs on the thread pool, off grain turns. Does
/// nothing while <see cref="ItemModelOptions.Weight"/> is 0. A failed refresh keeps the previous model.
/// </summary>
public sealed partial class ItemModelRefresher(
    ItemModelHolder holder,
    IGrainFactory grains,
    IOptions<ItemModelOptions> options,
    IOptions<CatalogOptions> catalog,
    ILogger<ItemModelRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Weight <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo shutting down.
        }
    }

    /// <summary>One refresh; returns the model now in use (the previous one when this refresh failed).</summary>
    public async Task<ItemItemModel?> RefreshAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var model = await Task.Run(() => ItemModelRefresh.BuildAsync(
                catalog.Value.Shards,
                (shard, count) => grains.GetGrain<ICatalogShardGrain>(shard).GetMostEngagedAsync(count),
                (shard, items) => grains.GetGrain<ICatalogShardGrain>(shard).GetEdgesAmongAsync(items),
                options.Value));
            if (model is not null)
            {
                holder.Use(model);
                LogRefreshed(logger, model.Count, model.MatrixBytes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRefreshFailed(logger, e.Message);
        }

        return holder.Current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Item-item model refreshed: {Items} videos, {Bytes} bytes, {Seconds:F2} s")]
    private static partial void LogRefreshed(ILogger logger, int items, long bytes, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item-item model refresh failed ({Reason}); keeping the previous model")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
