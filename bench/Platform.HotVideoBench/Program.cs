using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using Platform.HotVideoBench;

// Ingest throughput on one hot video versus the same load spread over many videos, through the
// HTTP API of a running platform (see docs/hot-video-benchmark.md). Prints its figures.
var options = BenchOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(60),
};
var runId = $"hb{DateTime.UtcNow:HHmmss}";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"target {options.Url}; {options.Concurrency} requests in flight x {options.Batch} events; warm-up {options.WarmupSeconds} s, measured {options.Seconds} s per scenario");

async Task<string[]> RegisterAsync(string prefix, int count)
{
    var ids = new string[count];
    await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    {
        ids[i] = $"{runId}-{prefix}-{i}";
        var response = await http.PostAsJsonAsync("/v1/videos", new
        {
            videoId = ids[i], creatorId = $"{runId}-c-{i % 100}", title = $"Bench {i}", tags = new[] { "bench" }, durationMs = 30_000,
        });
        response.EnsureSuccessStatusCode();
    });
    return ids;
}

var load = new IngestLoad(http, options, runId);
var results = new List<ScenarioResult>();
if (options.Scenario is "hot" or "both")
{
    results.Add(await load.RunAsync("hot (1 video)", await RegisterAsync("hot", 1)));
}

if (options.Scenario is "spread" or "both")
{
    results.Add(await load.RunAsync($"spread ({options.Videos} videos)", await RegisterAsync("spread", options.Videos)));
}

Console.WriteLine();
Console.WriteLine("| scenario | events/s | events per server CPU-s | requests | p50 ms | p99 ms | max ms | failed requests | views sent = counted |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Name} | {r.EventsPerSecond:N0} | {r.EventsPerCpuSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} | {r.Requests:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.Failures} | {r.ViewsSent:N0} = {r.ViewsCounted:N0} {(r.ViewsSent == r.ViewsCounted ? "yes" : "NO")} |");
}

return results.All(r => r.ViewsSent == r.ViewsCounted && r.Failures == 0) ? 0 : 1;
