using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// Steady ingest against a cluster, as a careful client does it: batches of fresh events (views,
/// shares, comments) from a pool of users on a pool of videos, each batch retried with the same event
/// ids on the next gateway until it gets a 202. Counts what the counters must read afterwards and
/// every failed attempt, with the longest time any batch spent failing.
/// </summary>
public sealed class IngestLoad(IReadOnlyList<string> videoIds, Func<IReadOnlyList<HttpClient>> gateways, string userPrefix, int users = 200, int batchSize = 20)
{
    private readonly ConcurrentDictionary<string, ExpectedCounters> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<Uri, int> _unansweredBy = new();
    private readonly ConcurrentQueue<string> _unansweredHow = new();
    private readonly ConcurrentDictionary<Uri, StrongBox<long>> _servedBy = new();
    private long _batches;
    private long _failedAttempts;
    private long _unanswered;
    private long _longestFailingTicks;

    public IReadOnlyDictionary<string, ExpectedCounters> Expected => _expected;

    /// <summary>Batches that ended in a 202.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Attempts that got an answer other than a 202, or a timeout or broken connection, and were retried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Attempts a gateway gave no answer at all (connection refused or closed first), retried on the next gateway at once.</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    /// <summary>The gateways that left an attempt unanswered.</summary>
    public IReadOnlyCollection<Uri> UnansweredBy => [.. _unansweredBy.Keys];

    /// <summary>How each unanswered attempt ended (when, which gateway, the transport error), for the test's output.</summary>
    public IReadOnlyCollection<string> UnansweredHow => _unansweredHow;

    /// <summary>Requests <paramref name="gateway"/> answered with success so far.</summary>
    public long ServedBy(Uri gateway) => _servedBy.TryGetValue(gateway, out var count) ? Interlocked.Read(ref count.Value) : 0;

    /// <summary>Each failed attempt: when (UTC), which gateway, and what it got.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>The longest time from a batch's first failed attempt to its 202.</summary>
    public TimeSpan LongestFailing => TimeSpan.FromTicks(Interlocked.Read(ref _longestFailingTicks));

    /// <summary>Runs <paramref name="concurrency"/> client loops until <paramref name="stop"/>; a batch under way is finished first.</summary>
    public Task RunAsync(int concurrency, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(loop => Task.Run(() => LoopAsync(loop, stop))));

    private async Task LoopAsync(int loop, CancellationToken stop)
    {
        var random = new Random(loop * 7919 + Environment.TickCount);
        var attempt = loop;
        while (!stop.IsCancellationRequested)
        {
            var batch = new List<(string VideoId, string Type, long WatchMs, object Body)>(batchSize);
            for (var i = 0; i < batchSize; i++)
            {
                var videoId = videoIds[random.Next(videoIds.Count)];
                var userId = $"{userPrefix}-{random.Next(users)}";
                var roll = random.Next(100);
                var type = roll < 70 ? "view" : roll < 85 ? "share" : "comment";
                var watchMs = type == "view" ? random.Next(1, 30_000) : 0;
                var eventId = $"e-{Guid.NewGuid():N}";
                batch.Add((videoId, type, watchMs, type == "view"
                    ? new { eventId, userId, videoId, type, watchMs }
                    : new { eventId, userId, videoId, type }));
            }

            var payload = new { events = batch.Select(b => b.Body).ToArray() };
            Stopwatch? failing = null;
            while (true)
            {
                var targets = gateways();
                var http = targets[attempt++ % targets.Count];
                try
                {
                    using var response = await http.PostAsJsonAsync("/v1/events", payload);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref _servedBy.GetOrAdd(http.BaseAddress!, _ => new StrongBox<long>()).Value);
                        break;
                    }

                    _failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (HttpRequestException ex)
                {
                    // No answer at all (not listening any more, or the connection closed first): the same batch goes
                    // to the next gateway at once, as a load balancer does.
                    RecordUnanswered(http, ex);
                    continue;
                }
                catch (TaskCanceledException ex)
                {
                    _failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {ex.GetType().Name}: {ex.Message}");
                }

                Interlocked.Increment(ref _failedAttempts);
                failing ??= Stopwatch.StartNew();
                if (failing.Elapsed > TimeSpan.FromSeconds(120))
                {
                    throw new TimeoutException("A batch failed for two minutes.");
                }

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

            Interlocked.Increment(ref _batches);
            foreach (var (videoId, type, watchMs, _) in batch)
            {
                var expected = _expected.GetOrAdd(videoId, _ => new ExpectedCounters());
                switch (type)
                {
                    case "view":
                        Interlocked.Increment(ref expected.Views);
                        Interlocked.Add(ref expected.WatchMs, watchMs);
                        break;
                    case "share":
                        Interlocked.Increment(ref expected.Shares);
                        break;
                    default:
                        Interlocked.Increment(ref expected.Comments);
                        break;
                }
            }
        }
    }

    private void RecordUnanswered(HttpClient http, HttpRequestException ex)
    {
        Interlocked.Increment(ref _unanswered);
        _unansweredBy.TryAdd(http.BaseAddress!, 0);
        _unansweredHow.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {ex.HttpRequestError}: {ex.InnerException?.Message ?? ex.Message}");
    }
}
