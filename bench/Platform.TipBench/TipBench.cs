using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HdrHistogram;

namespace Platform.TipBench;

/// <summary>
/// Credits the wallets (enough for the whole run), then runs closed-loop clients: each sends a tip of
/// a random user to a random creator and, on a 503 or a lost connection, the same tip again until it
/// is answered. Measures tips answered 201 per second and each tip's latency (first attempt to answer).
/// </summary>
public sealed class TipBench(TipBenchOptions options)
{
    private const long CreditCents = 10_000_000;

    private readonly HttpClient[] _gateways = [.. options.Gateways.Select(g => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = new Uri(g),
        Timeout = TimeSpan.FromSeconds(30),
    })];

    private long _created;
    private long _refused;
    private long _retries;

    public async Task<string> RunAsync()
    {
        var users = Enumerable.Range(0, options.Users).Select(i => $"bu-{options.Run}-{i}").ToArray();
        var creators = Enumerable.Range(0, options.Creators).Select(i => $"bc-{options.Run}-{i}").ToArray();
        var before = await SummaryAsync();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            var response = await SendUntilAnsweredAsync(g => Credit(g, user), ct);
            response.EnsureSuccessStatusCode();
        });

        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        using var stop = new CancellationTokenSource(options.Warmup + options.Duration);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        long createdAtStart = 0;
        var clients = Enumerable.Range(0, options.Concurrency).Select(loop => Task.Run(async () =>
        {
            var random = new Random(loop);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var body = new
                {
                    tipId = $"bt-{options.Run}-{loop}-{n++}",
                    userId = users[random.Next(users.Length)],
                    creatorId = creators[random.Next(creators.Length)],
                    amountCents = random.Next(1, 1_000),
                };
                var started = Stopwatch.GetTimestamp();
                using var response = await SendUntilAnsweredAsync(g => g.PostAsJsonAsync("/v1/tips", body), CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.PaymentRequired)
                {
                    Interlocked.Increment(ref _refused);
                    continue;
                }

                response.EnsureSuccessStatusCode();
                if (started >= measureFrom)
                {
                    Interlocked.Increment(ref _created);
                    lock (histogram)
                    {
                        histogram.RecordValue(Stopwatch.GetTimestamp() - started);
                    }
                }
            }
        })).ToArray();

        await Task.Delay(options.Warmup);
        createdAtStart = Interlocked.Read(ref _created);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        var created = Interlocked.Read(ref _created) - createdAtStart;

        var after = await SummaryAsync();
        var balanced = Cents(after, "creditedCents") == Cents(after, "balanceCents") + Cents(after, "spentCents") + Cents(after, "forfeitedCents")
            && Cents(after, "spentCents") == Cents(after, "grossCents");
        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
        return $"tips/s {created / elapsed.TotalSeconds:F0} ({created} in {elapsed.TotalSeconds:F1} s, {options.Concurrency} in flight, " +
            $"{options.Users} wallets, {options.Creators} creators, {options.Gateways.Length} gateways); " +
            $"latency ms p50 {Ms(50):F1} p90 {Ms(90):F1} p99 {Ms(99):F1} max {Ms(100):F1}; 402s {_refused}, retried attempts {_retries}; " +
            $"ledger balanced {balanced} (spent +{Cents(after, "spentCents") - Cents(before, "spentCents")} cents)";
    }

    private static long Cents(JsonObject json, string name) => json[name] is { } value ? (long)value : 0;

    private Task<HttpResponseMessage> Credit(HttpClient gateway, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/users/{user}/credits")
        {
            Content = JsonContent.Create(new { creditId = $"bcr-{user}", amountCents = CreditCents }),
        };
        request.Headers.Add("X-Api-Key", options.AdminKey);
        return gateway.SendAsync(request);
    }

    private async Task<JsonObject> SummaryAsync()
    {
        using var response = await SendUntilAnsweredAsync(g =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/ledger/summary");
            request.Headers.Add("X-Api-Key", options.AdminKey);
            return g.SendAsync(request);
        }, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<HttpResponseMessage> SendUntilAnsweredAsync(Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await send(_gateways[Random.Shared.Next(_gateways.Length)]);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException)
            {
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(50, cancellationToken);
        }
    }
}
