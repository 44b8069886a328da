using Npgsql;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.Silo.Storage;

/// <summary>
/// Keeps the history table bounded like the rings: every hour deletes the buckets each resolution no longer keeps
/// (minutes older than 48 hours, hours older than 90 days, days older than 2 years), one partition at a time. Reads
/// never show them anyway; several silos trimming at once delete the same rows, which is harmless.
/// </summary>
public sealed partial class SeriesRetentionTrimmer(string connectionString, string serviceId, TimeProvider time, ILogger<SeriesRetentionTrimmer> logger)
    : BackgroundService
{
    /// <summary>How often old buckets are deleted.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await TrimAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next round tries again; until then reads skip the old buckets.
                LogTrimFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes what no resolution keeps any more; returns the rows deleted.</summary>
    public async Task<long> TrimAsync(CancellationToken cancellationToken)
    {
        var nowMinute = SeriesResolutions.MinuteOf(time.GetUtcNow());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        long deleted = 0;
        foreach (var resolution in SeriesResolutions.All)
        {
            await using var command = new NpgsqlCommand(
                "DELETE FROM platform_series WHERE service_id = @service AND resolution = @resolution AND bucket < @oldest", connection);
            command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
            command.Parameters.Add(new NpgsqlParameter<short>("resolution", (short)resolution));
            command.Parameters.Add(new NpgsqlParameter<long>("oldest", SeriesResolutions.OldestKept(resolution, nowMinute)));
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming old analytics buckets failed; the next round retries")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception);
}
