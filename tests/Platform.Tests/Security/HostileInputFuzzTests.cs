using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Security;

/// <summary>
/// Thousands of seeded hostile requests against every route of a real platform (a silo process): each gets a 4xx problem (or a
/// read's documented success), none a 5xx or a hang, and afterwards every counter and feed is as it was.
/// </summary>
public sealed partial class HostileInputFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261123;
    private const int RequestCount = 10_000;
    private const int DiscoveryRequestCount = 2_000;
    private const int ContentRequestCount = 2_000;
    private static readonly TimeSpan PerRequestTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task HostileRequestsGetProblemsAndChangeNothing()
    {
        const string adminKey = "fuzz-admin-key-0123456789";
        // Its own process: the counters on /metrics are then this platform's alone, not shared with tests running beside it.
        await using var server = await SiloProcess.StartAsync($"--Platform:AdminApiKey={adminKey}");
        var http = server.Http;
        var world = await BuildWorldAsync(http, adminKey);
        var before = await SnapshotAsync(http, world);
        var eligibleBefore = await FeedVideosAsync(http, NewId("observer"));
        Assert.Equal(world.Videos.Order(StringComparer.Ordinal), eligibleBefore.Order(StringComparer.Ordinal));

        var generator = new HostileRequestGenerator(world, Seed);
        var requests = generator.Generate(RequestCount).Concat(generator.Oversized())
            .Concat(new HostileDiscoveryRequests(world, Seed).Generate(DiscoveryRequestCount))
            .Concat(new ContentHostileRequests(world, Seed).Generate(ContentRequestCount)).ToList();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16, AllowAutoRedirect = false })
        {
            BaseAddress = server.Address,
            Timeout = Timeout.InfiniteTimeSpan,
        };

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var status = await SendAndCheckAsync(client, request, failures);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        });

        var raw = RawHostileRequests.Generate(world, Seed).ToList();
        foreach (var (label, bytes) in raw)
        {
            try
            {
                var status = await RawHttp.SendAsync(server.Address, bytes, PerRequestTimeout);
                statuses.AddOrUpdate(status ?? 0, 1, (_, n) => n + 1);
                // 505 is Kestrel's protocol answer to an HTTP version it does not speak, not a server failure.
                if (status is not (null or 0 or (>= 400 and < 500)) && !(status == 505 && label == "unknown version"))
                {
                    failures.Enqueue($"raw '{label}': answered {status}");
                }
            }
            catch (TimeoutException)
            {
                failures.Enqueue($"raw '{label}': no answer within {PerRequestTimeout}");
            }
        }

        output.WriteLine($"{requests.Count + raw.Count} hostile requests in {watch.Elapsed.TotalSeconds:F1} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Take(25))}");

        // The platform still works, and nothing the fuzz sent changed anything.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var after = await SnapshotAsync(http, world);
        foreach (var (key, value) in before)
        {
            Assert.True(after[key] == value, $"{key} changed:\nbefore {value}\nafter  {after[key]}");
        }

        var eligibleAfter = await FeedVideosAsync(http, NewId("observer"));
        Assert.Equal(eligibleBefore.Order(StringComparer.Ordinal), eligibleAfter.Order(StringComparer.Ordinal));

        // The first user viewed the first three videos before the fuzz: they stay out of its feed, the rest are in it.
        var userFeed = await FeedVideosAsync(http, world.Users[0]);
        Assert.Equal(world.Videos.Skip(3).Order(StringComparer.Ordinal), userFeed.Order(StringComparer.Ordinal));
    }

    private static async Task<int> SendAndCheckAsync(HttpClient client, FuzzRequest request, ConcurrentQueue<string> failures)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = request.Chunked ? new StreamContent(new MemoryStream(request.Body)) : new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        if (request.ApiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", request.ApiKey);
        }

        using var cts = new CancellationTokenSource(PerRequestTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(message, cts.Token);
            body = await response.Content.ReadAsStringAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            failures.Enqueue($"{request.Label}: {request.Method} {Short(request.Path)} got no answer within {PerRequestTimeout}");
            return -1;
        }
        catch (HttpRequestException) when (request.Body is { Length: > 1 << 20 })
        {
            // The server may answer 413 and close while a huge body is still being sent; the client then sees a reset.
            return 413;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var problem = Check(request, response, body, status);
            if (problem is not null)
            {
                failures.Enqueue($"{request.Label}: {request.Method} {Short(request.Path)} -> {status}: {problem}; body {Short(body)}");
            }

            return status;
        }
    }

    private static string? Check(FuzzRequest request, HttpResponseMessage response, string body, int status)
    {
        if (body.Contains("   at ", StringComparison.Ordinal) || ExceptionText().IsMatch(body) || body.Contains("root:x:0", StringComparison.Ordinal))
        {
            return "leaks internals";
        }

        if (request.Body is { Length: > 1 << 20 } && status != 413)
        {
            return "expected 413 for a body over the limit";
        }

        if (status is >= 200 and < 300 && request.MaySucceed)
        {
            return null;
        }

        if (status is < 400 or >= 500)
        {
            return "expected a 4xx";
        }

        if (request.Method == "HEAD")
        {
            return null;
        }

        // Kestrel itself refuses requests it cannot parse (a NUL in the path, an oversized request line) before any
        // application code runs: an empty 400/414/431 that closes the connection.
        if (status is 400 or 414 or 431 && body.Length == 0 && response.Headers.ConnectionClose == true)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not a problem response ({response.Content.Headers.ContentType})";
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == status && json.RootElement.TryGetProperty("title", out _)
            ? null
            : "problem without matching status and title";
    }

    /// <summary>An exception's type and message as .NET prints them ("System.InvalidOperationException: ...").</summary>
    [GeneratedRegex(@"\b[A-Z]\w*Exception: ")]
    private static partial Regex ExceptionText();

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>Twenty videos of twenty creators, six users with views, likes and follows: state the fuzz must leave alone.</summary>
    private static async Task<KnownWorld> BuildWorldAsync(HttpClient http, string adminKey)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var videos = Enumerable.Range(0, 20).Select(i => $"fz-{run}-v{i}").ToArray();
        var creators = Enumerable.Range(0, 20).Select(i => $"fz-{run}-c{i}").ToArray();
        var users = Enumerable.Range(0, 6).Select(i => $"fz-{run}-u{i}").ToArray();
        for (var i = 0; i < videos.Length; i++)
        {
            var response = await http.RegisterVideoAsync(videos[i], creators[i], 30_000, "fuzz", $"topic{i % 4}");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        for (var u = 0; u < users.Length; u++)
        {
            await http.PostEventsAsync(
                View(users[u], videos[u], 29_000),
                View(users[u], videos[u + 1], 5_000),
                View(users[u], videos[u + 2], 12_000),
                Engage("like", users[u], videos[u]),
                Engage("share", users[u], videos[u + 1]),
                Follow(users[u], creators[u]));
        }

        // A thread for the comment listings to compare (the fuzz's own comments are all invalid).
        var comment = await http.PostAsJsonAsync($"/v1/videos/{videos[0]}/comments", new { commentId = NewId("cm"), userId = users[0], text = "first!" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        return new KnownWorld(videos, creators, users, adminKey);
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient http, KnownWorld world)
    {
        var snapshot = new Dictionary<string, string>();
        var paths = world.Videos.SelectMany(v => new[] { $"/v1/videos/{v}", $"/v1/videos/{v}/stats", $"/v1/videos/{v}/comments" })
            .Concat(world.Creators.Select(c => $"/v1/creators/{c}/stats"))
            .Concat(world.Users.Select(u => $"/v1/users/{u}"));
        foreach (var path in paths)
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot[path] = await response.Content.ReadAsStringAsync();
        }

        await HostileDiscoveryRequests.SnapshotAsync(http, world, snapshot);
        // The content side: every video's audit log and the moderation queue.
        foreach (var path in world.Videos.Select(v => $"/v1/admin/videos/{v}/audit").Append("/v1/admin/moderation/queue"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Api-Key", world.AdminKey);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot[path] = await response.Content.ReadAsStringAsync();
        }

        // Event counters only: the feed counter moves with the observer feeds this test itself asks for.
        var metrics = await http.GetStringAsync("/metrics");
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith("platform_events_", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                snapshot[parts[0]] = parts[1];
            }
        }

        Assert.Contains(snapshot.Keys, k => k.StartsWith("platform_events_applied", StringComparison.Ordinal));
        return snapshot;
    }

    private static async Task<List<string>> FeedVideosAsync(HttpClient http, string userId) =>
        [.. (await http.GetFeedAsync(userId, 100)).Select(i => (string)i["videoId"]!)];
}
