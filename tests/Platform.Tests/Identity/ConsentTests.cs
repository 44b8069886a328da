using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>Personalization off: feeds from non-personal sources only, events counted but training nothing about the user.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsentTests(PlatformServerFixture platform)
{
    private static readonly HashSet<string> NonPersonalSources = ["trending", "fresh", "explore", "following"];
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task WithPersonalizationOffFeedsUseOnlyNonPersonalSources()
    {
        var community = await RegisterAsync(24);
        var followed = NewId("c");
        await _http.RegisterVideoAsync(NewId("v"), followed);
        await EngageAsync(community, users: 15);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // videos report their learned embeddings to the catalog

        // Two users with the same history; one of them then turns personalization off.
        var personal = NewId("u");
        var private_ = NewId("u");
        foreach (var user in new[] { personal, private_ })
        {
            await _http.PostEventsAsync([.. community.Take(4).SelectMany(v => new[] { View(user, v, 30_000), Engage("like", user, v) }), Follow(user, followed)]);
        }

        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(private_, false)).StatusCode);

        var personalSources = new List<string>();
        var privateItems = new List<JsonObject>();
        for (var page = 0; page < 3; page++)
        {
            personalSources.AddRange((await _http.GetFeedAsync(personal, 8)).Select(i => (string)i["source"]!));
            privateItems.AddRange(await _http.GetFeedAsync(private_, 8));
        }

        Assert.Contains(personalSources, s => !NonPersonalSources.Contains(s));
        Assert.NotEmpty(privateItems);
        Assert.All(privateItems, i => Assert.Contains((string)i["source"]!, NonPersonalSources));
        Assert.All(privateItems.Where(i => i["reason"] is not null), i => Assert.Contains(
            (string)i["reason"]!["kind"]!, new[] { "trending", "fresh", "explore", "creator" }));
    }

    [Fact]
    public async Task WithPersonalizationOffEventsCountButTrainNothingAboutTheUser()
    {
        var videos = await RegisterAsync(3);
        var user = NewId("u");
        var control = NewId("u");
        Assert.Equal(HttpStatusCode.OK, (await PutSettingsAsync(user, false)).StatusCode);

        foreach (var who in new[] { user, control })
        {
            await _http.PostEventsAsync([.. videos.SelectMany(v => new[] { View(who, v, 30_000), Engage("like", who, v), Engage("share", who, v) })]);
        }

        foreach (var v in videos)
        {
            var stats = await _http.GetJsonAsync($"/v1/videos/{v}/stats");
            Assert.Equal(2, (long)stats["views"]!);
            Assert.Equal(2, (long)stats["likes"]!);
        }

        var counters = await _http.GetJsonAsync($"/v1/users/{user}");
        Assert.Equal(3, (long)counters["views"]!);
        Assert.Equal(3, (long)counters["likes"]!);

        var trained = await _http.GetJsonAsync($"/v1/users/{control}/export");
        Assert.NotEmpty(trained["embedding"]!.AsArray());
        Assert.NotEmpty(trained["recentlyEngaged"]!.AsArray());

        var untrained = await _http.GetJsonAsync($"/v1/users/{user}/export");
        Assert.Empty(untrained["embedding"]!.AsArray());
        Assert.Empty(untrained["interest"]!.AsArray());
        Assert.Empty(untrained["recentlyEngaged"]!.AsArray());
        Assert.Empty(untrained["recentCreators"]!.AsArray());
        Assert.False((bool)untrained["settings"]!["personalization"]!);
    }

    [Fact]
    public async Task SettingsBodyIsValidated()
    {
        var user = NewId("u");
        foreach (var body in new[] { "{}", "{\"personalization\":\"no\"}", "{\"personalization\":false,\"tracking\":true}", "[]", "{\"personalization\":0}" })
        {
            var response = await _http.PutAsync($"/v1/users/{user}/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await response.ReadProblemAsync();
        }

        Assert.True((bool)(await _http.GetJsonAsync($"/v1/users/{user}/settings"))["personalization"]!);
    }

    private Task<HttpResponseMessage> PutSettingsAsync(string userId, bool personalization) =>
        _http.PutAsJsonAsync($"/v1/users/{userId}/settings", new { personalization });

    private async Task<List<string>> RegisterAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = NewId("v");
            Assert.True((await _http.RegisterVideoAsync(id, NewId("c"), 30_000, "cooking")).IsSuccessStatusCode);
            ids.Add(id);
        }

        return ids;
    }

    private async Task EngageAsync(List<string> videos, int users)
    {
        var random = new Random(14);
        var events = new List<object>();
        for (var u = 0; u < users; u++)
        {
            var user = NewId("u");
            foreach (var video in videos.OrderBy(_ => random.Next()).Take(6))
            {
                events.Add(View(user, video, 28_000));
                events.Add(Engage("like", user, video));
            }
        }

        await _http.PostEventsAsync([.. events]);
    }
}
