using System.Globalization;
using Platform.GrainInterfaces;
using Platform.Grains.Analytics;
using Platform.Silo.Storage;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Analytics;

/// <summary>
/// On PostgreSQL the series live in the history table (written with the counters' state writes) and survive
/// SIGKILL of the silo: a new silo answers the same points, a resent event is not counted twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryTests(PostgresFixture postgres)
{
    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <param name="historyFlushInterval">0: every write hands its increments to the table; 10 s (the default): a
    /// video's later writes leave them waiting in its stored state, which must survive the SIGKILL just the same.</param>
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:10")]
    public async Task HistorySurvivesSigkillOfTheSiloAndResentEventsCountOnce(string historyFlushInterval)
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new ClusterSettings(database) { Overrides = new Dictionary<string, string> { ["Platform:Analytics:HistoryFlushInterval"] = historyFlushInterval } };
        var everyWrite = TimeSpan.Parse(historyFlushInterval, CultureInfo.InvariantCulture) == TimeSpan.Zero;
        var (creator, video, fan) = (NewId("c"), NewId("v"), NewId("u"));
        var now = DateTimeOffset.UtcNow;
        object[] events =
        [
            new { eventId = NewId("e"), userId = NewId("u"), videoId = video, type = "view", watchMs = 3_000L, at = Iso(now.AddMinutes(-170)) },
            new { eventId = NewId("e"), userId = NewId("u"), videoId = video, type = "view", watchMs = 5_000L, at = Iso(now.AddMinutes(-40)) },
            new { eventId = NewId("e"), userId = fan, videoId = video, type = "view", watchMs = 7_000L, at = Iso(now.AddMinutes(-40)) },
            new { eventId = NewId("e"), userId = fan, videoId = video, type = "like", watchMs = 0L, at = Iso(now.AddMinutes(-39)) },
            Follow(fan, creator),
        ];
        var from = Iso(now.AddHours(-4));
        var paths = new[]
        {
            $"/v1/videos/{video}/timeseries?metric=views&resolution=minute&from={from}",
            $"/v1/videos/{video}/timeseries?metric=watchMs&resolution=hour&from={from}",
            $"/v1/videos/{video}/timeseries?metric=likes&resolution=day",
            $"/v1/creators/{creator}/timeseries?metric=views&resolution=hour&from={from}",
            $"/v1/creators/{creator}/timeseries?metric=followers&resolution=minute&from={from}",
        };
        string[] before;
        await using (var cluster = await SiloCluster.StartAsync(settings, 1))
        {
            await cluster.Http.RegisterVideoAsync(video, creator, durationMs: 10_000);
            await cluster.Http.PostEventsAsync(events);
            before = await ReadAllAsync(cluster.Http, paths);
            Assert.Equal(3, Sum(before[0]));
            Assert.Equal(15_000, Sum(before[1]));
            Assert.Equal(1, Sum(before[2]));
            Assert.Equal(3, Sum(before[3]));
            Assert.Equal(1, Sum(before[4]));

            // Written on every write, the table holds the history at every resolution, the same totals in each; with a
            // flush interval it never holds more than happened (the rest waits in the grains' states).
            for (short resolution = 0; resolution < 3; resolution++)
            {
                foreach (var series in new[] { "v:" + video, "c:" + creator })
                {
                    var inTable = await PostgresQuery.ScalarAsync(database, "SELECT coalesce(sum(views), 0)::bigint FROM platform_series WHERE series = @s AND resolution = @r", ("s", series), ("r", resolution));
                    Assert.True(everyWrite ? inTable == 3 : inTable <= 3, $"{series} resolution {resolution}: {inTable} views in the table");
                }
            }

            cluster.Kill(cluster.Serving[0]);
        }

        await using var restarted = await SiloCluster.StartAsync(settings, 1);
        var after = await ReadAllAsync(restarted.Http, paths);
        Assert.Equal(before, after);

        // The same events again are duplicates: no bucket moves.
        var again = await restarted.Http.PostEventsAsync(events);
        Assert.Equal(events.Length, (int)again["duplicates"]!);
        Assert.Equal(before, await ReadAllAsync(restarted.Http, paths));

        await restarted.Http.PostEventsAsync(View(NewId("u"), video, 1_000));
        Assert.Equal(4, Sum((await ReadAllAsync(restarted.Http, paths))[0]));
    }

    [Fact]
    public async Task TrimmerDeletesOnlyBucketsNoResolutionKeeps()
    {
        var database = await postgres.CreateDatabaseAsync();
        var nowMinute = SeriesResolutions.MinuteOf(DateTimeOffset.UtcNow);
        var rows = new (short Resolution, long Bucket)[]
        {
            (0, nowMinute - (48 * 60) - 5), (0, nowMinute - 60),
            (1, SeriesResolutions.BucketOfMinute(SeriesResolution.Hour, nowMinute) - (90 * 24) - 1), (1, SeriesResolutions.BucketOfMinute(SeriesResolution.Hour, nowMinute) - 30),
            (2, SeriesResolutions.BucketOfMinute(SeriesResolution.Day, nowMinute) - 800), (2, SeriesResolutions.BucketOfMinute(SeriesResolution.Day, nowMinute) - 700),
        };
        foreach (var (resolution, bucket) in rows)
        {
            await PostgresQuery.ScalarAsync(database, "WITH i AS (INSERT INTO platform_series (service_id, series, resolution, bucket, views) VALUES ('svc', 'v:x', @r, @b, 1) RETURNING 1) SELECT count(*) FROM i",
                ("r", resolution), ("b", bucket));
        }

        var trimmer = new SeriesRetentionTrimmer(database, "svc", TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SeriesRetentionTrimmer>.Instance);
        Assert.Equal(3, await trimmer.TrimAsync(CancellationToken.None));
        Assert.Equal(3, await PostgresQuery.ScalarAsync(database, "SELECT count(*) FROM platform_series WHERE service_id = 'svc'"));
        Assert.Equal(0, await trimmer.TrimAsync(CancellationToken.None));
    }

    private static long Sum(string series) =>
        System.Text.Json.Nodes.JsonNode.Parse(series)!["points"]!.AsArray().Sum(p => (long)p!["value"]!);

    /// <summary>The buckets with something in them, per path: windows end now, so the empty ones shift as time passes.</summary>
    private static async Task<string[]> ReadAllAsync(HttpClient http, string[] paths)
    {
        var bodies = new string[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            var series = await http.GetJsonAsync(paths[i]);
            var points = series["points"]!.AsArray().Where(p => (long)p!["value"]! != 0).Select(p => p!.ToJsonString());
            bodies[i] = $"{{\"points\":[{string.Join(',', points)}]}}";
        }

        return bodies;
    }
}
