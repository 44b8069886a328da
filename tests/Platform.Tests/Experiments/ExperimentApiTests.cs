using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Experiments;

[Collection(ExperimentCollection.Name)]
public sealed class ExperimentApiTests(ExperimentServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task CreatingTheSameExperimentAgainIsIdempotentAndAnotherBodyConflicts()
    {
        var id = NewId("exp");
        var body = Definition(id, 50, 50, new { });

        var first = await AdminPostAsync("/v1/admin/experiments", body);
        var again = await AdminPostAsync("/v1/admin/experiments", body);
        var other = await AdminPostAsync("/v1/admin/experiments", Definition(id, 30, 70, new { }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var report = await GetReportAsync(id);
        Assert.Equal("running", (string)report["state"]!);
        Assert.Equal(["control", "treatment"], report["variants"]!.AsArray().Select(v => (string)v!["name"]!));
        Assert.Equal(50, (int)report["variants"]![1]!["weight"]!);
    }

    [Theory]
    [InlineData("""{"Feed:Bogus":1}""", "variants[1].settings.Feed:Bogus")]
    [InlineData("""{"Platform:AdminApiKey":"x"}""", "variants[1].settings.Platform:AdminApiKey")]
    [InlineData("""{"Feed:ExploreShare":1.5}""", "variants[1].settings.Feed:ExploreShare")]
    [InlineData("""{"Feed:MaxPerCreator":2.5}""", "variants[1].settings.Feed:MaxPerCreator")]
    [InlineData("""{"Feed:Sources":["trending","ads"]}""", "variants[1].settings.Feed:Sources")]
    [InlineData("""{"Feed:Sources":[]}""", "variants[1].settings.Feed:Sources")]
    [InlineData("""{"Ranking:Blend:Magic":1}""", "variants[1].settings.Ranking:Blend:Magic")]
    public async Task AVariantSettingOutsideTheAllowlistIsRefusedAndNothingIsCreated(string settings, string errorKey)
    {
        var id = NewId("exp");
        var body = JsonNode.Parse(
            $"{{\"experimentId\":\"{id}\",\"variants\":[{{\"name\":\"control\",\"weight\":50,\"settings\":{{}}}},"
            + $"{{\"name\":\"treatment\",\"weight\":50,\"settings\":{settings}}}]}}");

        var response = await AdminPostAsync("/v1/admin/experiments", body!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await AdminGetAsync($"/v1/admin/experiments/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"experimentId":"x","variants":[{"name":"only","weight":100}]}""", "variants")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":0},{"name":"b","weight":1}]}""", "variants[0].weight")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":1},{"name":"a","weight":1}]}""", "variants[1].name")]
    [InlineData("""{"experimentId":"bad id","variants":[{"name":"a","weight":1},{"name":"b","weight":1}]}""", "experimentId")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":1},{"name":"b","weight":101}]}""", "variants[1].weight")]
    public async Task AMalformedDefinitionIsA400NamingTheField(string json, string errorKey)
    {
        var response = await AdminPostAsync("/v1/admin/experiments", JsonNode.Parse(json)!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty(errorKey, out _));
    }

    [Fact]
    public async Task ExperimentRoutesNeedTheAdminKey()
    {
        var id = NewId("exp");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsJsonAsync("/v1/admin/experiments", Definition(id, 1, 1, new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync($"/v1/admin/experiments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsync($"/v1/admin/experiments/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminGetAsync($"/v1/admin/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task FeedsNameTheUsersVariantAndTheSplitFollowsTheWeights()
    {
        await RegisterCatalogAsync(12);
        var id = NewId("exp");
        await CreateAsync(Definition(id, 50, 50, new { }));

        var variants = new Dictionary<string, string>();
        await Poll.UntilAsync(async () => (await FeedVariantAsync($"split-{id}-0", id)) is not null, "the experiment reaches feeds");
        for (var i = 0; i < 600; i++)
        {
            var user = $"split-{id}-{i}";
            variants[user] = (await FeedVariantAsync(user, id))!;
        }

        var treated = variants.Values.Count(v => v == "treatment");
        Assert.InRange(treated / 600.0, 0.44, 0.56);
        foreach (var user in variants.Keys.Take(50))
        {
            Assert.Equal(variants[user], await FeedVariantAsync(user, id));
        }

        var report = await Poll.UntilAsync(
            () => GetReportAsync(id),
            r => r["variants"]!.AsArray().Sum(v => (long)v!["users"]!) >= 600,
            "every served user is counted once");
        Assert.Equal(600 - treated, (long)report["variants"]![0]!["users"]!);
        Assert.Equal(treated, (long)report["variants"]![1]!["users"]!);
    }

    [Fact]
    public async Task EngagementCountsOncePerImpressionAndTypeForTheVariantThatServedIt()
    {
        await RegisterCatalogAsync(12);
        var id = NewId("exp");
        await CreateAsync(Definition(id, 1, 1, new { }));
        var user = NewId("u");
        var probe = await ReachFeedsAsync(id);

        var feed = await _http.GetJsonAsync($"/v1/users/{user}/feed?count=5");
        var variant = (string)feed["experiments"]![id]!;
        var served = feed["items"]!.AsArray().Select(i => (string)i!["videoId"]!).ToArray();
        Assert.Equal(5, served.Length);
        var unserved = NewId("v");
        Assert.Equal(HttpStatusCode.Created, (await _http.RegisterVideoAsync(unserved, NewId("c"))).StatusCode);

        var like = Engage("like", user, served[0]);
        var completion = View(user, served[1], watchMs: 30_000);
        await _http.PostEventsAsync(like, completion, View(user, served[2], watchMs: 1_000), Engage("skip", user, served[3]), Engage("like", user, unserved));
        await _http.PostEventsAsync(like, completion);                               // a retry: duplicates
        await _http.PostEventsAsync(Engage("unlike", user, served[0]), Engage("like", user, served[0])); // a second like of one impression

        var index = variant == "control" ? 0 : 1;
        var report = await Poll.UntilAsync(
            () => GetReportAsync(id),
            r => (long)r["variants"]![index]!["views"]! >= 2 && (long)r["variants"]![index]!["skips"]! >= 1,
            "the attributed events are flushed");
        var counts = report["variants"]![index]!;
        Assert.Equal(5 + probe.GetValueOrDefault(variant), (long)counts["impressions"]!);
        Assert.Equal(1, (long)counts["likes"]!);
        Assert.Equal(2, (long)counts["views"]!);
        Assert.Equal(1, (long)counts["completions"]!);
        Assert.Equal(1, (long)counts["skips"]!);
        var other = report["variants"]![1 - index]!;
        Assert.Equal(probe.GetValueOrDefault((string)other["name"]!), (long)other["impressions"]!);
        Assert.Equal(0, (long)other["likes"]!);
    }

    [Fact]
    public async Task AVariantsSettingsApplyToItsUsersOnly()
    {
        // Engagement on some videos makes them trending; the rest stay fresh.
        var videos = await RegisterCatalogAsync(30);
        foreach (var fan in Enumerable.Range(0, 3).Select(_ => NewId("u")))
        {
            await _http.PostEventsAsync(videos.Take(10).SelectMany(v => new[] { View(fan, v, 30_000), Engage("like", fan, v) }).ToArray());
        }

        // Engagement reaches the catalog shards' trending order within their report interval.
        await Poll.UntilAsync(
            async () => (await _http.GetFeedAsync(NewId("u"), 10)).Any(item => (string)item["source"]! == "trending"),
            "the engaged videos are trending");

        var id = NewId("exp");
        await CreateAsync(Definition(id, 50, 50, new Dictionary<string, object> { ["Feed:Sources"] = new[] { "trending" }, ["Feed:ExploreShare"] = 0 }));
        await ReachFeedsAsync(id);

        var controlSources = new HashSet<string>();
        var treated = 0;
        for (var i = 0; i < 40; i++)
        {
            var feed = await _http.GetJsonAsync($"/v1/users/{NewId("u")}/feed?count=8");
            var sources = feed["items"]!.AsArray().Select(item => (string)item!["source"]!).ToArray();
            Assert.NotEmpty(sources);
            if ((string)feed["experiments"]![id]! == "treatment")
            {
                treated++;
                Assert.All(sources, s => Assert.Equal("trending", s));
            }
            else
            {
                controlSources.UnionWith(sources);
            }
        }

        Assert.InRange(treated, 1, 39);
        Assert.Contains(controlSources, s => s != "trending");

        // The platform is shared by this collection: a running trending-only variant would shorten other tests' feeds.
        Assert.Equal(HttpStatusCode.OK, (await AdminPostAsync($"/v1/admin/experiments/{id}/stop", new { })).StatusCode);
        await Poll.UntilAsync(async () => (await FeedVariantAsync(NewId("u"), id)) is null, "feeds stop naming the experiment");
    }

    [Fact]
    public async Task AStoppedExperimentLeavesFeedsAndKeepsItsNumbers()
    {
        await RegisterCatalogAsync(6);
        var id = NewId("exp");
        await CreateAsync(Definition(id, 1, 1, new { }));
        await ReachFeedsAsync(id);
        await Poll.UntilAsync(
            () => GetReportAsync(id), r => r["variants"]!.AsArray().Sum(v => (long)v!["impressions"]!) > 0, "impressions are counted");

        var stop = await AdminPostAsync($"/v1/admin/experiments/{id}/stop", new { });
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);

        await Poll.UntilAsync(async () => (await FeedVariantAsync(NewId("u"), id)) is null, "feeds stop naming the experiment");
        var report = await GetReportAsync(id);
        Assert.Equal("stopped", (string)report["state"]!);
        Assert.True(report["variants"]!.AsArray().Sum(v => (long)v!["impressions"]!) > 0);
    }

    private static object Definition(string id, int control, int treatment, object treatmentSettings) => new
    {
        experimentId = id,
        variants = new object[]
        {
            new { name = "control", weight = control, settings = new { } },
            new { name = "treatment", weight = treatment, settings = treatmentSettings },
        },
    };

    private async Task<string[]> RegisterCatalogAsync(int count)
    {
        var videos = Enumerable.Range(0, count).Select(_ => NewId("v")).ToArray();
        foreach (var video in videos)
        {
            Assert.True((await _http.RegisterVideoAsync(video, NewId("c"))).IsSuccessStatusCode);
        }

        return videos;
    }

    private async Task CreateAsync(object body)
    {
        var response = await AdminPostAsync("/v1/admin/experiments", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// Asks feeds of throwaway users until one names the experiment (the silo reloads the running list on a
    /// short period); returns the impressions those probes made per variant, which the experiment counts too.
    /// </summary>
    private async Task<Dictionary<string, long>> ReachFeedsAsync(string experimentId)
    {
        var impressions = new Dictionary<string, long>();
        await Poll.UntilAsync(
            async () =>
            {
                var feed = await _http.GetJsonAsync($"/v1/users/{NewId("u")}/feed?count=3");
                if (feed["experiments"]?[experimentId]?.GetValue<string>() is not { } variant)
                {
                    return false;
                }

                impressions[variant] = impressions.GetValueOrDefault(variant) + feed["items"]!.AsArray().Count;
                return true;
            },
            "the experiment reaches feeds");
        return impressions;
    }

    /// <summary>The user's variant of <paramref name="experimentId"/> named by a feed, or null when the feed names none.</summary>
    private async Task<string?> FeedVariantAsync(string userId, string experimentId)
    {
        var feed = await _http.GetJsonAsync($"/v1/users/{userId}/feed?count=3");
        return feed["experiments"]?[experimentId]?.GetValue<string>();
    }

    private async Task<HttpResponseMessage> AdminPostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ExperimentServerFixture.AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", ExperimentServerFixture.AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task<JsonObject> GetReportAsync(string id)
    {
        var response = await AdminGetAsync($"/v1/admin/experiments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
