using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HdrHistogram;

namespace Platform.HotVideoBench;

/// <summary>
/// Posts engagement batches through POST /v1/events with a fixed number of requests in flight, events
/// from random users on videos drawn from a given set, and records accepted events and request latency.
/// </summary>
public sealed class IngestLoad(HttpClient http, BenchOptions options, string runId)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private long _eventIds;

    /// <summary>Runs a warm-up, then the measured interval; returns the figures of the measured part.</summary>
    public async Task<ScenarioResult> RunAsync(string name, string[] videoIds)
    {
        var viewsSent = new long[videoIds.Length];
        await RunForAsync(videoIds, TimeSpan.FromSeconds(options.WarmupSeconds), viewsSent, null);

        var latency = new LongConcurrentHistogram(1, 60_000_000, 3);
        var counters = new Counters();
        var cpuBefore = ServerCpuSeconds();
        var started = Stopwatch.GetTimestamp();
        await RunForAsync(videoIds, TimeSpan.FromSeconds(options.Seconds), viewsSent, (latency, counters));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ServerCpuSeconds() - cpuBefore;

        var counted = 0L;
        foreach (var videoId in videoIds)
        {
            using var stats = JsonDocument.Parse(await http.GetStringAsync($"/v1/videos/{videoId}/stats"));
            counted += stats.RootElement.GetProperty("views").GetInt64();
        }

        return new ScenarioResult(name, videoIds.Length, counters.Requests, counters.Events, counters.Failures, elapsed,
            latency.GetValueAtPercentile(50) / 1000.0, latency.GetValueAtPercentile(99) / 1000.0, latency.GetMaxValue() / 1000.0,
            viewsSent.Sum(), counted, cpu);
    }

    /// <summary>User plus system CPU seconds the server used so far (fields 14 and 15 of /proc/pid/stat), or null.</summary>
    private double? ServerCpuSeconds()
    {
        if (options.ServerPid is not { } pid)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private async Task RunForAsync(string[] videoIds, TimeSpan duration, long[] viewsSent, (LongConcurrentHistogram Latency, Counters Counters)? record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task[options.Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            var random = new Random(HashCode.Combine(runId, w, record is null));
            workers[w] = Task.Run(async () =>
            {
                var body = new ArrayBufferWriter<byte>(options.Batch * 128);
                while (Stopwatch.GetTimestamp() < end)
                {
                    body.ResetWrittenCount();
                    var views = WriteBatch(body, videoIds, random);
                    using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
                    content.Headers.ContentType = Json;
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync("/v1/events", content);
                    var micros = (long)Stopwatch.GetElapsedTime(sent).TotalMicroseconds;
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        if (record is { } failed)
                        {
                            Interlocked.Increment(ref failed.Counters.Failures);
                        }

                        continue;
                    }

                    foreach (var (index, count) in views)
                    {
                        Interlocked.Add(ref viewsSent[index], count);
                    }

                    if (record is { } r)
                    {
                        using var result = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                        Interlocked.Add(ref r.Counters.Events, result.RootElement.GetProperty("accepted").GetInt32());
                        Interlocked.Increment(ref r.Counters.Requests);
                        r.Latency.RecordValue(Math.Max(1, micros));
                    }
                }
            });
        }

        await Task.WhenAll(workers);
    }

    /// <summary>One batch: 85% views, 8% likes, 4% shares, 3% comments, each from a random user. Returns views per video index.</summary>
    private Dictionary<int, int> WriteBatch(ArrayBufferWriter<byte> body, string[] videoIds, Random random)
    {
        var views = new Dictionary<int, int>();
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteStartArray("events");
        for (var i = 0; i < options.Batch; i++)
        {
            var video = random.Next(videoIds.Length);
            var roll = random.Next(100);
            json.WriteStartObject();
            json.WriteString("eventId", $"{runId}-{Interlocked.Increment(ref _eventIds)}");
            json.WriteString("userId", $"bu-{random.Next(options.Users)}");
            json.WriteString("videoId", videoIds[video]);
            json.WriteString("type", roll < 85 ? "view" : roll < 93 ? "like" : roll < 97 ? "share" : "comment");
            if (roll < 85)
            {
                json.WriteNumber("watchMs", random.Next(1_000, 30_000));
                views[video] = views.GetValueOrDefault(video) + 1;
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return views;
    }

    private sealed class Counters
    {
        public long Requests;
        public long Events;
        public long Failures;
    }
}
