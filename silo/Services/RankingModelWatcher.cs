using Microsoft.Extensions.Options;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Silo.Services;

/// <summary>
/// Loads the learned ranker from <see cref="RankingOptions.ModelPath"/> when the silo starts and again
/// whenever the file changes (checked every <see cref="RankingOptions.ModelReloadInterval"/>), so a
/// retrained model is picked up without a restart. A missing or invalid file leaves the hand-set blend in use.
/// </summary>
public sealed partial class RankingModelWatcher(
    RankingModelHolder holder,
    IOptions<RankingOptions> options,
    ILogger<RankingModelWatcher> logger) : BackgroundService
{
    private DateTime _loadedWrite = DateTime.MinValue;
    private long _loadedLength = -1;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Check();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ModelPath))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ModelReloadInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo shutting down.
        }
    }

    /// <summary>Loads the model file if it changed since the last load; returns true when a learned model is in use.</summary>
    public bool Check()
    {
        var path = options.Value.ModelPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (holder.HasLearnedModel)
            {
                holder.Use(null);
                LogModelRemoved(logger, path);
            }

            _loadedWrite = DateTime.MinValue;
            _loadedLength = -1;
            return false;
        }

        if (info.LastWriteTimeUtc == _loadedWrite && info.Length == _loadedLength)
        {
            return holder.HasLearnedModel;
        }

        try
        {
            var model = TreeEnsembleRankingModel.Load(path);
            holder.Use(model);
            LogModelLoaded(logger, model.Name);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            // Keep whatever was in use; a half-written or foreign file must not take feeds down.
            LogModelInvalid(logger, path, e.Message);
        }

        _loadedWrite = info.LastWriteTimeUtc;
        _loadedLength = info.Length;
        return holder.HasLearnedModel;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ranking with the learned model {Model}")]
    private static partial void LogModelLoaded(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking model {Path} is not usable ({Reason}); keeping the current ranker")]
    private static partial void LogModelInvalid(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking model {Path} was removed; ranking with the hand-set blend")]
    private static partial void LogModelRemoved(ILogger logger, string path);
}
