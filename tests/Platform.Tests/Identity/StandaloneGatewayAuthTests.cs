using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>The stand-alone gateway (client-api, its own process) in jwt mode answers exactly as the co-hosted API does.</summary>
public sealed class StandaloneGatewayAuthTests
{
    [Fact]
    public async Task StandaloneGatewayEnforcesTheSameCallerRules()
    {
        await using var silo = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:ServeApi"] = "false" });
        var configuration = silo.Services.GetRequiredService<IConfiguration>();
        var settings = TestTokens.JwtSettings(JwtPlatformFixture.AdminKey).ToDictionary(p => p.Key, p => p.Value!);
        await using var gateway = await GatewayProcess.StartAsync(configuration["Orleans:ClusterId"]!, int.Parse(configuration["Orleans:GatewayPort"]!), settings);
        var http = gateway.Http;
        var (video, creator, user) = (NewId("v"), NewId("c"), NewId("u"));
        var registration = new { videoId = video, creatorId = creator, title = "A video", tags = new[] { "cooking" }, durationMs = 30_000 };

        var cases = new (HttpStatusCode Expected, Callers Caller, HttpMethod Method, string Path, object? Body)[]
        {
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, "/v1/videos", registration),
            (HttpStatusCode.Forbidden, Callers.User(creator), HttpMethod.Post, "/v1/videos", registration),
            (HttpStatusCode.Created, Callers.WithRoles(creator, "creator"), HttpMethod.Post, "/v1/videos", registration),
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Get, $"/v1/users/{user}/feed", null),
            (HttpStatusCode.Unauthorized, new Callers("unsigned", TestTokens.Unsigned(user)), HttpMethod.Get, $"/v1/users/{user}/feed", null),
            (HttpStatusCode.Forbidden, Callers.User(NewId("u")), HttpMethod.Get, $"/v1/users/{user}/feed", null),
            (HttpStatusCode.OK, Callers.User(user), HttpMethod.Get, $"/v1/users/{user}/feed", null),
            (HttpStatusCode.Forbidden, Callers.User(user), HttpMethod.Post, "/v1/events", new { events = new[] { View(user, video), View(NewId("u"), video) } }),
            (HttpStatusCode.Accepted, Callers.User(user), HttpMethod.Post, "/v1/events", new { events = new[] { View(user, video) } }),
            (HttpStatusCode.OK, Callers.App, HttpMethod.Get, $"/v1/users/{user}/export", null),
            (HttpStatusCode.Forbidden, Callers.User(user), HttpMethod.Post, $"/v1/admin/videos/{video}/takedown", null),
            (HttpStatusCode.OK, Callers.WithRoles(NewId("a"), "admin"), HttpMethod.Post, $"/v1/admin/videos/{video}/takedown", null),
        };

        var failures = new List<string>();
        foreach (var (expected, caller, method, path, body) in cases)
        {
            using var response = await caller.SendAsync(http, method, path, body);
            if (response.StatusCode != expected)
            {
                failures.Add($"{method} {path} as {caller}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
            else if ((int)expected >= 400)
            {
                await response.ReadProblemAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n" + gateway.Output);
        Assert.Equal(1, (long)(await http.GetJsonAsync($"/v1/videos/{video}/stats"))["views"]!);
    }
}
