using Npgsql;
using NpgsqlTypes;
using Platform.Grains.Analytics;

namespace Platform.Silo.Storage;

/// <summary>
/// Adds series rows to the history table (<c>platform_series</c>, deploy/postgres/init.sql) in one statement:
/// the rows of a batch of state writes, summed per bucket, as arrays that <c>unnest</c> turns back into rows,
/// each added to the stored bucket. Runs inside the state writes' transaction, after them, with the rows of
/// the writes that succeeded only.
/// </summary>
internal static class SeriesRowBatch
{
    private const int Metrics = 8;

    private const string Upsert = """
        INSERT INTO platform_series AS s
            (service_id, series, resolution, bucket, views, likes, shares, comments, skips, watch_ms, followers, tips_cents)
        SELECT @service, u.*
          FROM unnest(@series, @resolution, @bucket, @views, @likes, @shares, @comments, @skips, @watch_ms, @followers, @tips_cents)
            AS u(series, resolution, bucket, views, likes, shares, comments, skips, watch_ms, followers, tips_cents)
        ON CONFLICT (service_id, series, resolution, bucket) DO UPDATE SET
            views = s.views + EXCLUDED.views, likes = s.likes + EXCLUDED.likes, shares = s.shares + EXCLUDED.shares,
            comments = s.comments + EXCLUDED.comments, skips = s.skips + EXCLUDED.skips, watch_ms = s.watch_ms + EXCLUDED.watch_ms,
            followers = s.followers + EXCLUDED.followers, tips_cents = s.tips_cents + EXCLUDED.tips_cents
        """;

    private static readonly string[] MetricParameters = ["views", "likes", "shares", "comments", "skips", "watch_ms", "followers", "tips_cents"];

    /// <summary>Adds <paramref name="rows"/> within <paramref name="transaction"/>; does nothing without rows.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string serviceId, IEnumerable<SeriesRow> rows)
    {
        // One row per key: a statement may not update the same row twice.
        var sums = new Dictionary<(string Series, short Resolution, long Bucket), long[]>();
        foreach (var row in rows)
        {
            var key = (row.Series, (short)row.Resolution, row.Bucket);
            if (!sums.TryGetValue(key, out var values))
            {
                sums[key] = values = new long[Metrics];
            }

            for (var m = 0; m < Math.Min(Metrics, row.Values.Length); m++)
            {
                values[m] += row.Values[m];
            }
        }

        if (sums.Count == 0)
        {
            return;
        }

        var series = new string[sums.Count];
        var resolutions = new short[sums.Count];
        var buckets = new long[sums.Count];
        var metrics = new long[Metrics][];
        for (var m = 0; m < Metrics; m++)
        {
            metrics[m] = new long[sums.Count];
        }

        var i = 0;
        foreach (var ((s, r, b), values) in sums)
        {
            series[i] = s;
            resolutions[i] = r;
            buckets[i] = b;
            for (var m = 0; m < Metrics; m++)
            {
                metrics[m][i] = values[m];
            }

            i++;
        }

        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("series", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = series });
        command.Parameters.Add(new NpgsqlParameter<short[]>("resolution", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = resolutions });
        command.Parameters.Add(new NpgsqlParameter<long[]>("bucket", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = buckets });
        for (var m = 0; m < Metrics; m++)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>(MetricParameters[m], NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = metrics[m] });
        }

        await command.ExecuteNonQueryAsync();
    }
}
