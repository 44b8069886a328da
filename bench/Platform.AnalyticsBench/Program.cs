using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Platform.AnalyticsBench;

// What analytics costs on the event path: ingest of the same single-node platform with Platform:Analytics:Enabled
// off and on, alternating in one process, one run; then the size of a video's history (docs/benchmarks.md, "Analytics").
var options = AnalyticsBenchOptions.Parse(args);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"{options.Concurrency} in flight, {options.Users} users, {options.Videos} videos, {options.Batch} events per request, " +
    $"event times over the last {options.SpreadMinutes} min, warm-up {options.WarmupSeconds} s, measured {options.Seconds} s, {options.Rounds} rounds");

var users = Enumerable.Range(0, options.Users).Select(i => $"an-u-{i}").ToArray();
var videos = Enumerable.Range(0, options.Videos).Select(i => $"an-v-{i}").ToArray();
var results = new List<(bool Analytics, ClosedLoop.Result Result)>();
var exact = true;
for (var round = 0; round < options.Rounds; round++)
{
    // Alternating which goes first: a later run in the process is warmer (JIT tiers, heap sizes), which must favour neither.
    foreach (var analytics in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
    {
        await using var platform = await BenchPlatform.StartAsync(analytics);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = platform.Address };
        await Parallel.ForAsync(0, videos.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            (await http.PostAsJsonAsync("/v1/videos", new { videoId = videos[i], creatorId = $"an-c-{i % 50}", title = $"Bench {i}", tags = new[] { "bench" }, durationMs = 30_000 }))
                .EnsureSuccessStatusCode());

        var mode = analytics ? "on" : "off";
        var now = DateTimeOffset.UtcNow;
        var result = await ClosedLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds), async n =>
        {
            var random = new Random((int)n);
            var user = users[n % users.Length];
            var body = new StringBuilder("{\"events\":[");
            for (var e = 0; e < options.Batch; e++)
            {
                var roll = random.Next(100);
                var type = roll < 85 ? "view" : roll < 93 ? "like" : roll < 97 ? "share" : "skip";
                var at = now.AddMinutes(-random.Next(options.SpreadMinutes)).AddSeconds(-random.Next(60)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                body.Append(e == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"{{\"eventId\":\"an-{mode}-{round}-{n}-{e}\",\"userId\":\"{user}\",\"videoId\":\"{videos[random.Next(videos.Length)]}\",\"type\":\"{type}\",\"watchMs\":{random.Next(1, 30_000)},\"at\":\"{at}\"}}");
            }

            using var response = await http.PostAsync("/v1/events", new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode;
        });
        results.Add((analytics, result));
        Console.WriteLine($"round {round + 1} analytics {mode}: {result.RequestsPerSecond * options.Batch:N0} events/s, {result.RequestsPerCpuSecond * options.Batch:N0} events per CPU-s, " +
            $"{result.BytesPerRequest / options.Batch:N0} B allocated per event; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        if (analytics)
        {
            // The series add up to the counters (every video's views and watch time, by day).
            foreach (var video in videos.Take(25))
            {
                var stats = JsonNode.Parse(await http.GetStringAsync($"/v1/videos/{video}/stats"))!;
                foreach (var (metric, counter) in new[] { ("views", "views"), ("watchMs", "watchMsTotal"), ("skips", "skips") })
                {
                    var series = JsonNode.Parse(await http.GetStringAsync($"/v1/videos/{video}/timeseries?metric={metric}&resolution=day&from={now.AddDays(-2):yyyy-MM-dd}T00:00:00Z"))!;
                    var sum = series["points"]!.AsArray().Sum(p => (long)p!["value"]!);
                    exact &= sum == (long)stats[counter]!;
                }
            }
        }

        if (round == 0 && analytics)
        {
            HistorySize.Print(platform.Services);
            EventPathCost.Print(platform.Services);
        }
    }
}

Console.WriteLine();
double Median(bool on, Func<ClosedLoop.Result, double> pick) => results.Where(r => r.Analytics == on).Select(r => pick(r.Result)).Order().ElementAt(options.Rounds / 2);
Console.WriteLine("| analytics | events/s (median of rounds) | events per CPU-second (median) | bytes allocated per event (median) | p50 ms | p99 ms | failed |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var on in new[] { false, true })
{
    var runs = results.Where(r => r.Analytics == on).Select(r => r.Result).ToList();
    Console.WriteLine($"| {(on ? "on" : "off")} | {Median(on, r => r.RequestsPerSecond) * options.Batch:N0} | {Median(on, r => r.RequestsPerCpuSecond) * options.Batch:N0} | " +
        $"{Median(on, r => r.BytesPerRequest) / options.Batch:N0} | {runs.Average(r => r.P50Ms):F2} | {runs.Average(r => r.P99Ms):F2} | {runs.Sum(r => r.Failures)} |");
}

Console.WriteLine($"on / off: events/s {Median(true, r => r.RequestsPerSecond) / Median(false, r => r.RequestsPerSecond):F3}, " +
    $"events per CPU-s {Median(true, r => r.RequestsPerCpuSecond) / Median(false, r => r.RequestsPerCpuSecond):F3}, " +
    $"bytes per event {Median(true, r => r.BytesPerRequest) / Median(false, r => r.BytesPerRequest):F3}");
Console.WriteLine($"series = counters (25 videos x views, watchMs, skips, every round): {(exact ? "yes" : "NO")}");
return exact && results.All(r => r.Result.Failures == 0) ? 0 : 1;
