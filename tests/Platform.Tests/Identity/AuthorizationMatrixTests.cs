using System.Net;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>
/// jwt mode through real HTTP: for every route group, who gets 2xx, 401 and 403 (shared/API.md "Identity and
/// privacy"), with every refusal a problem+json that changed nothing.
/// </summary>
[Collection(JwtPlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(JwtPlatformFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task UserRoutesAnswerOnlyTheUserAndAppKeys()
    {
        var user = NewId("u");
        var other = NewId("u");
        Callers[] refusedWith403 = [Callers.User(other), Callers.WithRoles(NewId("a"), "admin"), Callers.AdminKey, Callers.WithRoles(other, "creator")];
        string[] paths = [$"/v1/users/{user}/feed?count=5", $"/v1/users/{user}/following", $"/v1/users/{user}", $"/v1/users/{user}/settings", $"/v1/users/{user}/export"];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Get, path);
            await ExpectAsync(failures, HttpStatusCode.OK, Callers.User(user), HttpMethod.Get, path);
            await ExpectAsync(failures, HttpStatusCode.OK, Callers.App, HttpMethod.Get, path);
            foreach (var caller in refusedWith403)
            {
                await ExpectAsync(failures, HttpStatusCode.Forbidden, caller, HttpMethod.Get, path);
            }
        }

        var settings = new { personalization = false };
        await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Put, $"/v1/users/{user}/settings", settings);
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.User(other), HttpMethod.Put, $"/v1/users/{user}/settings", settings);
        Assert.True((await GetAsync($"/v1/users/{user}/settings", Callers.User(user))).GetProperty("personalization").GetBoolean());
        await ExpectAsync(failures, HttpStatusCode.OK, Callers.User(user), HttpMethod.Put, $"/v1/users/{user}/settings", settings);
        await ExpectAsync(failures, HttpStatusCode.OK, Callers.App, HttpMethod.Put, $"/v1/users/{user}/settings", new { personalization = true });

        await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Delete, $"/v1/users/{user}");
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.User(other), HttpMethod.Delete, $"/v1/users/{user}");
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.WithRoles(NewId("a"), "admin"), HttpMethod.Delete, $"/v1/users/{user}");
        await ExpectAsync(failures, HttpStatusCode.Accepted, Callers.User(user), HttpMethod.Delete, $"/v1/users/{user}");
        await ExpectAsync(failures, HttpStatusCode.Accepted, Callers.App, HttpMethod.Delete, $"/v1/users/{other}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EventsNeedTheSubjectOfEveryEventOrAnAppKey()
    {
        var (videoId, _) = await RegisterAsync();
        var user = NewId("u");
        var failures = new List<string>();
        object Batch() => new { events = new[] { View(user, videoId) } };

        await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, "/v1/events", Batch());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.User(NewId("u")), HttpMethod.Post, "/v1/events", Batch());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.WithRoles(NewId("a"), "admin"), HttpMethod.Post, "/v1/events", Batch());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.AdminKey, HttpMethod.Post, "/v1/events", Batch());
        Assert.Equal(0, (await StatsAsync(videoId)).GetProperty("views").GetInt64());

        await ExpectAsync(failures, HttpStatusCode.Accepted, Callers.User(user), HttpMethod.Post, "/v1/events", Batch());
        await ExpectAsync(failures, HttpStatusCode.Accepted, Callers.App, HttpMethod.Post, "/v1/events", Batch());
        Assert.Empty(failures);
        Assert.Equal(2, (await StatsAsync(videoId)).GetProperty("views").GetInt64());
    }

    [Fact]
    public async Task MixedUserBatchIsForbiddenAndAppliesNothing()
    {
        var (videoId, _) = await RegisterAsync();
        var user = NewId("u");
        var stranger = NewId("u");
        var own = View(user, videoId);
        var batch = new { events = new[] { own, Engage("like", user, videoId), View(stranger, videoId), Engage("like", stranger, videoId) } };

        var response = await Callers.User(user).SendAsync(_http, HttpMethod.Post, "/v1/events", batch);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains(stranger, problem.GetProperty("detail").GetString());
        var stats = await StatsAsync(videoId);
        Assert.Equal(0, stats.GetProperty("views").GetInt64());
        Assert.Equal(0, stats.GetProperty("likes").GetInt64());
        Assert.Equal(0, (await GetAsync($"/v1/users/{user}", Callers.User(user))).GetProperty("views").GetInt64());

        // The user's own event is not remembered either: sent again on its own, it is applied (not a duplicate).
        var retry = await Callers.User(user).SendAsync(_http, HttpMethod.Post, "/v1/events", new { events = new[] { own } });
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task VideoRegistrationNeedsTheCreatorWithTheCreatorRole()
    {
        var creator = NewId("c");
        var failures = new List<string>();
        object Video() => new { videoId = NewId("v"), creatorId = creator, title = "Knife skills", tags = new[] { "cooking" }, durationMs = 30_000 };

        await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.User(creator), HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.WithRoles(NewId("c"), "creator"), HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Created, Callers.WithRoles(creator, "creator"), HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Created, Callers.WithRoles(creator, "viewer", "creator"), HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Created, Callers.App, HttpMethod.Post, "/v1/videos", Video());
        await ExpectAsync(failures, HttpStatusCode.Created, Callers.WithRoles(NewId("a"), "admin"), HttpMethod.Post, "/v1/videos", Video());
        Assert.Empty(failures);
        Assert.Equal(4, (await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["videos"]!.GetValue<int>());
    }

    [Fact]
    public async Task AdminRoutesNeedTheAdminKeyOrTheAdminRole()
    {
        var failures = new List<string>();
        async Task<string> Path() => $"/v1/admin/videos/{(await RegisterAsync()).VideoId}/takedown";

        await ExpectAsync(failures, HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.Unauthorized, new Callers("wrong key", ApiKey: "not-the-admin-key-at-all"), HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.User(NewId("u")), HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.WithRoles(NewId("c"), "creator"), HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.Forbidden, Callers.App, HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.OK, Callers.AdminKey, HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.OK, Callers.WithRoles(NewId("a"), "admin"), HttpMethod.Post, await Path());
        await ExpectAsync(failures, HttpStatusCode.OK, Callers.WithRoles(NewId("a"), "creator", "admin"), HttpMethod.Post, await Path());
        Assert.Empty(failures);
    }

    [Fact]
    public async Task PublicReadsStayOpenEvenWithABadToken()
    {
        var (videoId, creatorId) = await RegisterAsync();
        var failures = new List<string>();
        var forged = new Callers("forged token", TestTokens.For(NewId("u"), key: new byte[32]));
        foreach (var path in new[] { $"/v1/videos/{videoId}", $"/v1/videos/{videoId}/stats", $"/v1/creators/{creatorId}/stats", "/v1/search?q=video", "/v1/trending/tags", "/v1/tags/cooking/videos", "/health/live" })
        {
            await ExpectAsync(failures, HttpStatusCode.OK, Callers.Nobody, HttpMethod.Get, path);
            await ExpectAsync(failures, HttpStatusCode.OK, forged, HttpMethod.Get, path);
        }

        Assert.Empty(failures);
    }

    private async Task<(string VideoId, string CreatorId)> RegisterAsync()
    {
        var videoId = NewId("v");
        var creatorId = NewId("c");
        var response = await Callers.App.SendAsync(_http, HttpMethod.Post, "/v1/videos",
            new { videoId, creatorId, title = "A video", tags = new[] { "cooking" }, durationMs = 30_000 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (videoId, creatorId);
    }

    private async Task<JsonElement> StatsAsync(string videoId) =>
        JsonDocument.Parse(await _http.GetStringAsync($"/v1/videos/{videoId}/stats")).RootElement;

    private async Task<JsonElement> GetAsync(string path, Callers caller)
    {
        var response = await caller.SendAsync(_http, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Sends and records a mismatch; every refusal must be a problem with the same status.</summary>
    private async Task ExpectAsync(List<string> failures, HttpStatusCode expected, Callers caller, HttpMethod method, string path, object? body = null)
    {
        using var response = await caller.SendAsync(_http, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            failures.Add($"{method} {path} as {caller}: {(int)response.StatusCode}, expected {(int)expected}: {text}");
            return;
        }

        if ((int)expected >= 400)
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || problem.GetProperty("status").GetInt32() != (int)expected
                || string.IsNullOrEmpty(problem.GetProperty("detail").GetString()))
            {
                failures.Add($"{method} {path} as {caller}: not a {(int)expected} problem: {text}");
            }

            if (expected == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.ToString().StartsWith("Bearer", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path} as {caller}: 401 without a Bearer challenge");
            }
        }
    }
}
