using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using HdrHistogram;

namespace Platform.DurableIngestBench;

/// <summary>
/// Closed-loop clients, each sending one user's batch of fresh events at a time and retrying a failed
/// batch (same event ids, next gateway) until it is accepted, as a client that must not lose events does.
/// </summary>
public sealed class IngestBench(BenchOptions options)
{
    private readonly string _run = options.Run;
    private readonly LongConcurrentHistogram _latency = new(1, TimeStamp.Minutes(5), 3);
    private HttpClient[] _gateways = [];
    private long _events;
    private long _requests;
    private long _failed;
    private long _longestFailingTicks;
    private volatile bool _measuring;

    public async Task<string> RunAsync()
    {
        _gateways = [.. options.Gateways.Select(g => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
        {
            BaseAddress = new Uri(g),
            Timeout = TimeSpan.FromSeconds(30),
        })];
        var videos = await RegisterVideosAsync();

        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(() => LoopAsync(i, videos, stop.Token))).ToArray();
        await Task.Delay(options.Warmup);
        _measuring = true;
        var clock = Stopwatch.StartNew();
        var kill = options.KillPidFile is { } pidFile ? KillLaterAsync(pidFile) : Task.CompletedTask;
        await Task.Delay(options.Duration);
        _measuring = false;
        var elapsed = clock.Elapsed;
        stop.Cancel();
        await Task.WhenAll(loops);
        await kill;

        var events = Interlocked.Read(ref _events);
        return string.Join(Environment.NewLine,
            $"run {_run}, gateways {options.Gateways.Length}, concurrency {options.Concurrency}, batch {options.BatchSize}, users {options.Users}, videos {options.Videos}, creators {options.Creators}",
            $"measured {elapsed.TotalSeconds:F1} s: {events} events accepted in {Interlocked.Read(ref _requests)} requests",
            $"durable ingest: {events / elapsed.TotalSeconds:F0} events/s, {Interlocked.Read(ref _requests) / elapsed.TotalSeconds:F0} requests/s",
            $"request latency ms: p50 {Ms(50)}, p90 {Ms(90)}, p99 {Ms(99)}, max {_latency.GetMaxValue() / (double)TimeSpan.TicksPerMillisecond:F1}",
            $"failed requests (retried): {Interlocked.Read(ref _failed)}, longest a batch kept failing: {TimeSpan.FromTicks(Interlocked.Read(ref _longestFailingTicks)).TotalSeconds:F1} s");
    }

    /// <summary>A latency percentile in ms; "-" when no request finished in the measured window (a short run under load).</summary>
    private string Ms(double percentile) => _latency.TotalCount == 0
        ? "-"
        : (_latency.GetValueAtPercentile(percentile) / (double)TimeSpan.TicksPerMillisecond).ToString("F1");

    private async Task<string[]> RegisterVideosAsync()
    {
        var videos = Enumerable.Range(0, options.Videos).Select(i => $"bv-{_run}-{i}").ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, videos.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var body = new { videoId = videos[i], creatorId = $"bc-{_run}-{i % options.Creators}", title = $"Bench {i}", tags = new[] { $"t{i % 17}" }, durationMs = 30_000 };
            using var response = await _gateways[i % _gateways.Length].PostAsJsonAsync("/v1/videos", body, ct);
            response.EnsureSuccessStatusCode();
        });
        return videos;
    }

    private async Task LoopAsync(int loop, string[] videos, CancellationToken stop)
    {
        var random = new Random(loop);
        var attempt = loop;
        while (!stop.IsCancellationRequested)
        {
            var userId = $"bu-{_run}-{random.Next(options.Users)}";
            var events = new object[options.BatchSize];
            for (var i = 0; i < events.Length; i++)
            {
                var videoId = videos[random.Next(videos.Length)];
                var eventId = $"be-{Guid.NewGuid():N}";
                events[i] = random.Next(10) switch
                {
                    < 7 => new { eventId, userId, videoId, type = "view", watchMs = random.Next(1_000, 30_000) },
                    7 => new { eventId, userId, videoId, type = "like" },
                    8 => new { eventId, userId, videoId, type = "share" },
                    _ => new { eventId, userId, videoId, type = "skip" },
                };
            }

            var payload = new { events };
            Stopwatch? failing = null;
            var measured = _measuring;
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                var http = _gateways[attempt++ % _gateways.Length];
                try
                {
                    using var response = await http.PostAsJsonAsync("/v1/events", payload);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }

                Interlocked.Increment(ref _failed);
                failing ??= Stopwatch.StartNew();
                await Task.Delay(100);
            }

            if (failing is not null)
            {
                var ticks = failing.Elapsed.Ticks;
                long seen;
                while (ticks > (seen = Interlocked.Read(ref _longestFailingTicks)) &&
                       Interlocked.CompareExchange(ref _longestFailingTicks, ticks, seen) != seen)
                {
                }
            }

            if (measured && _measuring)
            {
                _latency.RecordValue(Stopwatch.GetElapsedTime(started).Ticks);
                Interlocked.Add(ref _events, events.Length);
                Interlocked.Increment(ref _requests);
            }
        }
    }

    private async Task KillLaterAsync(string pidFile)
    {
        await Task.Delay(options.KillAfter);
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        Process.GetProcessById(pid).Kill();
        Console.WriteLine($"SIGKILLed silo pid {pid} at {options.KillAfter.TotalSeconds:F0} s into the measurement");
    }
}
