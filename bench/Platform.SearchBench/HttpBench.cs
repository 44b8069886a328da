using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.SearchBench;

/// <summary>
/// A running platform through its HTTP API: registers the synthetic catalog, measures how soon a new video is
/// searchable, then the latency of search, tag pages and trending tags with a few requests in flight.
/// </summary>
public static class HttpBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        var catalog = new SyntheticCatalog(options.Items, options.Seed);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
        var run = $"sb{DateTime.UtcNow:HHmmss}";
        var videos = Enumerable.Range(0, options.Videos).Select(i => (Id: $"{run}-v{i}", Creator: $"{run}-c{i % 1000}", Title: catalog.Title(), Tags: catalog.Tags())).ToArray();

        var registering = Stopwatch.StartNew();
        await Parallel.ForEachAsync(videos, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (v, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/v1/videos", new { videoId = v.Id, creatorId = v.Creator, title = v.Title, tags = v.Tags, durationMs = 30_000 }, ct);
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine($"registered {options.Videos:N0} videos in {registering.Elapsed.TotalSeconds:F1} s ({options.Videos / registering.Elapsed.TotalSeconds:N0}/s, 16 in flight)");

        // Freshness: a video with a word no other title has, searched every 10 ms from its 201 until found.
        var freshness = new Latencies("registration's 201 -> first search that finds it");
        for (var i = 0; i < 50; i++)
        {
            var word = $"fresh{run}x{i}";
            using var created = await http.PostAsJsonAsync("/v1/videos", new { videoId = $"{run}-f{i}", creatorId = $"{run}-c0", title = $"{word} upload", durationMs = 30_000 });
            created.EnsureSuccessStatusCode();
            var since = Stopwatch.StartNew();
            while (await CountAsync(http, $"/v1/search?q={word}") == 0)
            {
                await Task.Delay(10);
            }

            freshness.Record(since.Elapsed);
        }

        var search = await MeasureAsync(http, options, "GET /v1/search?q=..&count=20", () => $"/v1/search?q={Uri.EscapeDataString(catalog.Query())}&count=20");
        var tags = await MeasureAsync(http, options, "GET /v1/tags/{tag}/videos?count=20", () => $"/v1/tags/{Uri.EscapeDataString(catalog.Tag())}/videos?count=20", options.Queries / 4);
        var trending = await MeasureAsync(http, options, "GET /v1/trending/tags?count=10", () => "/v1/trending/tags?count=10", options.Queries / 4);

        Latencies.PrintHeader();
        foreach (var latencies in new[] { freshness, search, tags, trending })
        {
            Console.WriteLine(latencies.Row());
        }
    }

    private static async Task<Latencies> MeasureAsync(HttpClient http, BenchOptions options, string name, Func<string> next, int? count = null)
    {
        var total = count ?? options.Queries;
        var latencies = new Latencies($"{name} ({options.Concurrency} in flight)");
        var paths = Enumerable.Range(0, total + (total / 10)).Select(_ => next()).ToArray();
        var issued = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref issued)) < paths.Length)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(paths[i]);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                if (i >= total / 10)
                {
                    lock (latencies)
                    {
                        latencies.Record(Stopwatch.GetElapsedTime(started));
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        Console.WriteLine($"{name}: {paths.Length / watch.Elapsed.TotalSeconds:N0} requests/s over {paths.Length:N0} (first tenth not measured)");
        return latencies;
    }

    private static async Task<int> CountAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(path));
        return document.RootElement.GetProperty("items").GetArrayLength();
    }
}
