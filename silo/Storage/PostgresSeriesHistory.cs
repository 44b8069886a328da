using Npgsql;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;

namespace Platform.Silo.Storage;

/// <summary>
/// PostgreSQL mode: series live in <c>platform_series</c> (deploy/postgres/init.sql), written with the state
/// writes (<see cref="SeriesRowBatch"/>); reads are one indexed range scan of the primary key.
/// </summary>
/// <remarks>
/// Opens its connections from the silo's shared pool (<see cref="PostgresConnectionPools.Shared"/>, the same
/// connection string as the ADO.NET providers), so it adds no connections to the silo's budget.
/// </remarks>
public sealed class PostgresSeriesHistory(string connectionString, string serviceId) : ISeriesHistory
{
    public bool InTables => true;

    public async Task<IReadOnlyList<(long Bucket, long Value)>> ReadAsync(string series, SeriesResolution resolution, SeriesMetric metric, long first, long end)
    {
        // The column comes from this fixed list, never from the caller's text.
        var column = metric switch
        {
            SeriesMetric.Views => "views",
            SeriesMetric.Likes => "likes",
            SeriesMetric.Shares => "shares",
            SeriesMetric.Comments => "comments",
            SeriesMetric.Skips => "skips",
            SeriesMetric.WatchMs => "watch_ms",
            SeriesMetric.Followers => "followers",
            SeriesMetric.TipsCents => "tips_cents",
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT bucket, {column} FROM platform_series WHERE service_id = @service AND series = @series AND resolution = @resolution " +
            "AND bucket >= @first AND bucket < @end ORDER BY bucket", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("series", series));
        command.Parameters.Add(new NpgsqlParameter<short>("resolution", (short)resolution));
        command.Parameters.Add(new NpgsqlParameter<long>("first", first));
        command.Parameters.Add(new NpgsqlParameter<long>("end", end));
        var points = new List<(long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            points.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return points;
    }
}
