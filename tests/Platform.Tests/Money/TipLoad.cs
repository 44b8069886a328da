using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Platform.Tests.Money;

/// <summary>
/// Tips at full speed, as a careful client sends them: each tip (fresh id, random user, creator and
/// amount) is sent to the next gateway, and on a 503, a timeout or a refused connection sent again
/// with the same id and body until it gets a definite answer (201/200 charged, 402 refused). Keeps
/// every acknowledged tip, so afterwards each can be checked to be charged exactly once.
/// </summary>
public sealed class TipLoad(IReadOnlyList<string> users, IReadOnlyList<string> creators, Func<IReadOnlyList<HttpClient>> gateways, int seed)
{
    private readonly ConcurrentDictionary<string, Tip> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _latencyTicks = new();
    private long _refused;
    private long _failedAttempts;
    private long _replays;

    public sealed record Tip(string TipId, string UserId, string CreatorId, long AmountCents);

    /// <summary>Tips answered 201 or 200: charged, once.</summary>
    public IReadOnlyDictionary<string, Tip> Acknowledged => _acknowledged;

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Attempts that got no definite answer and were sent again.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Retries answered 200 from the record: the first attempt had committed though its answer was lost.</summary>
    public long Replays => Interlocked.Read(ref _replays);

    /// <summary>Time from a tip's first attempt to its definite answer.</summary>
    public TimeSpan[] Latencies => [.. _latencyTicks.Select(t => TimeSpan.FromTicks(t))];

    /// <summary>Runs <paramref name="concurrency"/> client loops until <paramref name="stop"/>; a tip under way is finished first.</summary>
    public Task RunAsync(int concurrency, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(loop => Task.Run(() => LoopAsync(loop, stop))));

    private async Task LoopAsync(int loop, CancellationToken stop)
    {
        var random = new Random(seed * 1_000 + loop);
        var next = loop;
        while (!stop.IsCancellationRequested)
        {
            var tip = new Tip($"t-{seed}-{loop}-{Guid.NewGuid():N}", users[random.Next(users.Count)], creators[random.Next(creators.Count)], random.Next(1, 500));
            var body = new { tipId = tip.TipId, userId = tip.UserId, creatorId = tip.CreatorId, amountCents = tip.AmountCents };
            var started = Stopwatch.GetTimestamp();
            var retried = false;
            while (true)
            {
                var targets = gateways();
                HttpStatusCode? status = null;
                if (targets.Count > 0)
                {
                    try
                    {
                        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                        using var response = await targets[next++ % targets.Count].PostAsJsonAsync("/v1/tips", body, cancel.Token);
                        status = response.StatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
                    {
                        // Connection refused or reset, or no answer: the tip's outcome is unknown, send it again.
                    }
                }

                if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    Assert.True(_acknowledged.TryAdd(tip.TipId, tip));
                    if (status == HttpStatusCode.OK && retried)
                    {
                        Interlocked.Increment(ref _replays);
                    }

                    break;
                }

                if (status == HttpStatusCode.PaymentRequired)
                {
                    Interlocked.Increment(ref _refused);
                    break;
                }

                Assert.True(status is null or HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway,
                    $"tip {tip.TipId} answered {status}");
                Interlocked.Increment(ref _failedAttempts);
                retried = true;
                await Task.Delay(100);
            }

            _latencyTicks.Enqueue(Stopwatch.GetElapsedTime(started).Ticks);
        }
    }
}
