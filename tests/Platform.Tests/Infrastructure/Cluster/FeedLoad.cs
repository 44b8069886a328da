namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// Client loops asking feeds of <paramref name="users"/> users through the serving gateways in turn, once each
/// (no retry): every answer but a 200, and every transport error, is a failed request.
/// </summary>
public sealed class FeedLoad(Func<IReadOnlyList<HttpClient>> gateways, string userPrefix, int users = 200)
{
    private long _served;
    private long _failed;
    private long _failedOtherThan503;

    public long Served => Interlocked.Read(ref _served);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Failures that were not a 503 (the retryable answer of a cluster in motion): transport errors, 500s.</summary>
    public long FailedOtherThan503 => Interlocked.Read(ref _failedOtherThan503);

    /// <summary>What the last failed request got, for the test's message.</summary>
    public string? LastFailure { get; private set; }

    public Task RunAsync(int concurrency, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(loop => Task.Run(() => LoopAsync(loop, stop))));

    private async Task LoopAsync(int loop, CancellationToken stop)
    {
        var random = new Random(loop * 104_729 + 17);
        for (var attempt = loop; !stop.IsCancellationRequested; attempt++)
        {
            var targets = gateways();
            var http = targets[attempt % targets.Count];
            try
            {
                using var response = await http.GetAsync($"/v1/users/{userPrefix}-{random.Next(users)}/feed?count=10");
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _served);
                    continue;
                }

                LastFailure = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _failedOtherThan503);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                LastFailure = ex.Message;
                Interlocked.Increment(ref _failedOtherThan503);
            }

            Interlocked.Increment(ref _failed);
        }
    }
}
