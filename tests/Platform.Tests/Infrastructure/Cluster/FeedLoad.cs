using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// Client loops asking feeds of <paramref name="users"/> users through the serving gateways in turn, as a load balancer
/// spreads them: a request a gateway gives no answer at all (connection refused, or closed before an answer: it is
/// stopping) goes to the next gateway, as a load balancer does; every answer but a 200, and a timeout, is a failed
/// request (not retried).
/// </summary>
public sealed class FeedLoad(Func<IReadOnlyList<HttpClient>> gateways, string userPrefix, int users = 200)
{
    private readonly ConcurrentDictionary<Uri, int> _unansweredBy = new();
    private readonly ConcurrentQueue<string> _unansweredHow = new();
    private readonly ConcurrentDictionary<Uri, StrongBox<long>> _servedBy = new();
    private long _served;
    private long _failed;
    private long _unanswered;

    public long Served => Interlocked.Read(ref _served);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Requests a gateway gave no answer at all (connection refused or closed first); each went to the next gateway.</summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    /// <summary>The gateways that left a request unanswered.</summary>
    public IReadOnlyCollection<Uri> UnansweredBy => [.. _unansweredBy.Keys];

    /// <summary>How each unanswered request ended (when, which gateway, the transport error), for the test's output.</summary>
    public IReadOnlyCollection<string> UnansweredHow => _unansweredHow;

    /// <summary>Requests <paramref name="gateway"/> answered with success so far.</summary>
    public long ServedBy(Uri gateway) => _servedBy.TryGetValue(gateway, out var count) ? Interlocked.Read(ref count.Value) : 0;

    /// <summary>What the last failed request got (when, from which gateway), for the test's message.</summary>
    public string? LastFailure { get; private set; }

    public Task RunAsync(int concurrency, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(loop => Task.Run(() => LoopAsync(loop, stop))));

    private async Task LoopAsync(int loop, CancellationToken stop)
    {
        var random = new Random(loop * 104_729 + 17);
        var userId = $"{userPrefix}-{random.Next(users)}";
        for (var attempt = loop; !stop.IsCancellationRequested; attempt++)
        {
            var targets = gateways();
            var http = targets[attempt % targets.Count];
            try
            {
                using var response = await http.GetAsync($"/v1/users/{userId}/feed?count=10");
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _served);
                    Interlocked.Increment(ref _servedBy.GetOrAdd(http.BaseAddress!, _ => new StrongBox<long>()).Value);
                    userId = $"{userPrefix}-{random.Next(users)}";
                    continue;
                }

                LastFailure = $"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                // No answer at all (not listening any more, or the connection closed first): the same request goes
                // to the next gateway, as a load balancer does.
                RecordUnanswered(http, ex);
                continue;
            }
            catch (TaskCanceledException ex)
            {
                LastFailure = $"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {ex.GetType().Name}: {ex.Message}";
            }

            Interlocked.Increment(ref _failed);
            userId = $"{userPrefix}-{random.Next(users)}";
        }
    }

    private void RecordUnanswered(HttpClient http, HttpRequestException ex)
    {
        Interlocked.Increment(ref _unanswered);
        _unansweredBy.TryAdd(http.BaseAddress!, 0);
        _unansweredHow.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {http.BaseAddress} {ex.HttpRequestError}: {ex.InnerException?.Message ?? ex.Message}");
    }
}
