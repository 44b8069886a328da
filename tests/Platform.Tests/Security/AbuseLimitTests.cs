using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Api.Apis;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Security;

/// <summary>
/// Rate limits, slow-client timeouts, the admin key and the management address, each on its own small platform when it
/// needs settings of its own; the defaults are checked on the shared platform.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AbuseLimitTests(PlatformServerFixture platform)
{
    [Fact]
    public async Task ClientOverItsFeedRateGets429ProblemWithRetryAfter()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:RateLimit:FeedRequestsPerSecond"] = "1",
            ["Platform:RateLimit:FeedBurst"] = "3",
        });
        var user = NewId("u");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await server.Http.GetAsync($"/v1/users/{user}/feed");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without a Retry-After of at least 1 s");
        var problem = await limited.ReadProblemAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        // Other routes are not limited, and the bucket refills.
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"/v1/users/{user}")).StatusCode);
        await Task.Delay(limited.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"/v1/users/{user}/feed")).StatusCode);
    }

    [Fact]
    public async Task EventRateIsLimitedPerClient()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:RateLimit:EventRequestsPerSecond"] = "1",
            ["Platform:RateLimit:EventBurst"] = "2",
            ["Platform:RateLimit:ClientHeader"] = "X-Client-Id",
        });
        var (video, creator) = (NewId("v"), NewId("c"));
        await server.Http.RegisterVideoAsync(video, creator);

        async Task<HttpStatusCode> PostAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
            {
                Content = JsonContent(new { events = new[] { View(NewId("u"), video) } }),
            };
            request.Headers.Add("X-Client-Id", client);
            return (await server.Http.SendAsync(request)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await PostAsync("client-a"));
        }

        Assert.Equal(HttpStatusCode.Accepted, first[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync("client-b"));

        // A limited request applied nothing: the video counted exactly the accepted views.
        var accepted = first.Count(s => s == HttpStatusCode.Accepted) + 1;
        var stats = await server.Http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(accepted, (long)stats["views"]!);
    }

    [Fact]
    public async Task GatewayAtItsInFlightCapAnswers503AndRecovers()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:RateLimit:MaxConcurrentEventRequests"] = "1",
        });
        var (video, creator) = (NewId("v"), NewId("c"));
        await server.Http.RegisterVideoAsync(video, creator);

        // A request whose body is still arriving holds the only permit.
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { events = new[] { View(NewId("u"), video) } }));
        using var slow = new TcpClient();
        await slow.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body.AsMemory(0, 5));
        await Task.Delay(500);

        var refused = await server.Http.PostAsync("/v1/events", JsonContent(new { events = new[] { View(NewId("u"), video) } }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await refused.ReadProblemAsync();

        await stream.WriteAsync(body.AsMemory(5));
        Assert.StartsWith("HTTP/1.1 202", await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await server.Http.PostAsync("/v1/events", JsonContent(new { events = new[] { View(NewId("u"), video) } }))).StatusCode);
        Assert.Equal(2, (long)(await server.Http.GetJsonAsync($"/v1/videos/{video}/stats"))["views"]!);
    }

    [Fact]
    public async Task DefaultLimitsDoNotThrottleABurstOfRequests()
    {
        var user = NewId("u");
        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => platform.Http.GetAsync($"/v1/users/{user}/feed?count=1")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task ClientThatTricklesHeadersIsDisconnected()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:RequestHeadersTimeout"] = "00:00:01" });
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /health/live HTTP/1.1\r\nHost: x\r\n"u8.ToArray());

        var watch = Stopwatch.StartNew();
        var answer = await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(10));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"connection still open after {watch.Elapsed}");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task ClientThatTricklesABodyIsDisconnected()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:MinRequestBodyBytesPerSecond"] = "1000",
            ["Platform:MinRequestBodyGracePeriod"] = "00:00:02",
        });
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"events\":["u8.ToArray());

        var watch = Stopwatch.StartNew();
        var trickle = Task.Run(async () =>
        {
            try
            {
                while (watch.Elapsed < TimeSpan.FromSeconds(15))
                {
                    await stream.WriteAsync(" "u8.ToArray());
                    await Task.Delay(200);
                }
            }
            catch (IOException)
            {
                // The server hung up: what this test waits for.
            }
        });
        var answer = await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(15));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"slow body still accepted after {watch.Elapsed}");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        await trickle;
    }

    [Fact]
    public async Task AdminRoutesNeedTheExactKey()
    {
        const string key = "s3cret-admin-key";
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:AdminApiKey"] = key });
        var video = NewId("v");
        await server.Http.RegisterVideoAsync(video, NewId("c"));

        foreach (var presented in new string?[] { null, "", "s3cret-admin-ke", "s3cret-admin-keyy", "S3CRET-ADMIN-KEY", "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/takedown");
            if (presented is not null)
            {
                request.Headers.TryAddWithoutValidation(AdminApi.KeyHeader, presented);
            }

            var response = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await response.ReadProblemAsync();
        }

        Assert.Equal("published", (string)(await server.Http.GetJsonAsync($"/v1/videos/{video}"))["state"]!);

        using var valid = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/takedown");
        valid.Headers.Add(AdminApi.KeyHeader, key);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(valid)).StatusCode);
        Assert.Equal("takenDown", (string)(await server.Http.GetJsonAsync($"/v1/videos/{video}"))["state"]!);
    }

    [Fact]
    public async Task AdminRoutesAreClosedWhenNoKeyIsConfigured()
    {
        await using var server = await PlatformServer.StartAsync();
        var video = NewId("v");
        await server.Http.RegisterVideoAsync(video, NewId("c"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/takedown");
        request.Headers.Add(AdminApi.KeyHeader, "anything");

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public void KeyComparisonDependsOnlyOnEquality()
    {
        Assert.True(AdminApi.IsAuthorized("key-1", "key-1"));
        Assert.False(AdminApi.IsAuthorized("key-2", "key-1"));
        Assert.False(AdminApi.IsAuthorized("key-1x", "key-1"));
        Assert.False(AdminApi.IsAuthorized(new string('k', 100_000), "key-1"));
        Assert.False(AdminApi.IsAuthorized("", ""));
        Assert.False(AdminApi.IsAuthorized(null, "key-1"));
        Assert.False(AdminApi.IsAuthorized("key-1", null));
    }

    [Fact]
    public async Task ManagementAddressTakesMetricsAndDashboardOffTheMainAddress()
    {
        var managementPort = FreePort.Next();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:ManagementUrls"] = $"http://127.0.0.1:{managementPort}",
        });
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };

        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/metrics")).StatusCode);
        var dashboardOnMain = await server.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.NotFound, dashboardOnMain.StatusCode);
        await dashboardOnMain.ReadProblemAsync();

        // The Host header cannot smuggle a request onto the management routes.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{managementPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.SendAsync(spoofed)).StatusCode);

        Assert.Contains("# TYPE", await management.GetStringAsync("/metrics"));
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync($"/v1/users/{NewId("u")}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync($"/v1/users/{NewId("u")}/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/ready")).StatusCode);
    }

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<string> ReadUntilClosedAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var text = new StringBuilder();
        var buffer = new byte[1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed.
        }
        catch (OperationCanceledException)
        {
            text.Append("(still open)");
        }

        return text.ToString();
    }
}
