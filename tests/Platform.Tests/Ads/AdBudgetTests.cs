using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Ads;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Ads.AdsApi;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Ads;

/// <summary>Campaign creation and budgets, through HTTP, each test on a platform of its own (its campaigns target everyone).</summary>
public sealed class AdBudgetTests
{
    [Fact]
    public async Task BudgetIsSpentExactlyAndACampaignThatCannotPayLeavesFeeds()
    {
        await using var server = await PlatformServer.StartAsync(AdsServerFixture.FastAds());
        var http = server.Http;
        var ads = server.Services.GetRequiredService<AdService>();
        await http.RegisterTaggedVideosAsync(NewId("t"), 20);

        // 1 cent at 200 per mille: exactly 5 impressions. 1 cent at 300 per mille: 3 impressions, 0.1 cent left that cannot pay a fourth.
        foreach (var (bid, impressions, spent) in new[] { (200L, 5, 1.0m), (300L, 3, 0.9m) })
        {
            var adVideo = await http.RegisterAdVideoAsync();
            var campaign = NewId("cmp");
            await http.CreateCampaignOkAsync(Campaign(campaign, adVideo, 1, bid));
            await ads.WaitServableAsync(campaign);

            var served = 0;
            for (var i = 0; i < impressions + 10; i++)
            {
                served += AdsOf(await http.GetFeedAsync(NewId("u"), 5)).Count(x => (string)x["campaignId"]! == campaign);
            }

            Assert.Equal(impressions, served);
            var stats = await http.StatsWhenAsync(campaign, s => !s["running"]!.GetValue<bool>());
            Assert.Equal(impressions, stats["impressions"]!.GetValue<long>());
            Assert.Equal(spent, stats["spentCents"]!.GetValue<decimal>());
            Assert.Equal(1m - spent, stats["remainingCents"]!.GetValue<decimal>());
            Assert.Equal(impressions * bid, stats["spentMillicents"]!.GetValue<long>());
            Assert.False(stats["running"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task ConcurrentFeedsNeverSpendPastTheBudget()
    {
        await using var server = await PlatformServer.StartAsync(AdsServerFixture.FastAds(new() { ["Platform:Ads:SliceImpressions"] = "7" }));
        var http = server.Http;
        await http.RegisterTaggedVideosAsync(NewId("t"), 20);
        var adVideo = await http.RegisterAdVideoAsync();
        var campaign = NewId("cmp");

        // 25 impressions, handed out 7 at a time while 16 clients ask for feeds at once.
        await http.CreateCampaignOkAsync(Campaign(campaign, adVideo, 10, 400));
        await server.Services.GetRequiredService<AdService>().WaitServableAsync(campaign);
        var served = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            for (var i = 0; i < 20; i++)
            {
                var feed = await http.GetFeedAsync(NewId("u"), 10);
                Interlocked.Add(ref served, AdsOf(feed).Count);
            }
        }));

        var stats = await http.StatsWhenAsync(campaign, s => !s["running"]!.GetValue<bool>());
        Assert.Equal(25, served);
        Assert.Equal(25, stats["impressions"]!.GetValue<long>());
        Assert.Equal(10m, stats["spentCents"]!.GetValue<decimal>());
        Assert.Equal(0m, stats["remainingCents"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task CampaignCreationIsIdempotentAndRefusesBadBodiesAndMissingKeys()
    {
        await using var server = await PlatformServer.StartAsync(AdsServerFixture.FastAds());
        var http = server.Http;
        var adVideo = await http.RegisterAdVideoAsync();
        var campaign = NewId("cmp");
        var body = Campaign(campaign, adVideo, 500, 250, ["cooking", "howto"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.CreateCampaignAsync(body, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.CreateCampaignAsync(body, key: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.CreateCampaignAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.CreateCampaignAsync(Campaign(campaign, adVideo, 500, 250, ["howto", "cooking"]))).StatusCode);
        var conflict = await http.CreateCampaignAsync(Campaign(campaign, adVideo, 600, 250, ["cooking", "howto"]));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(409, (await conflict.ReadProblemAsync()).GetProperty("status").GetInt32());

        var takenDown = await http.RegisterAdVideoAsync();
        using (var takedown = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{takenDown}/takedown"))
        {
            takedown.Headers.Add("X-Api-Key", AdsServerFixture.AdminKey);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(takedown)).StatusCode);
        }

        var future = DateTimeOffset.UtcNow.AddHours(1);
        (object Body, string Field)[] bad =
        [
            (new { advertiserId = "a", videoId = adVideo, budgetCents = 5, bidCpmCents = 5 }, "campaignId"),
            (new { campaignId = "bad id", advertiserId = "a", videoId = adVideo, budgetCents = 5, bidCpmCents = 5 }, "campaignId"),
            (Campaign(NewId("cmp"), adVideo, 0, 250), "budgetCents"),
            (Campaign(NewId("cmp"), adVideo, -5, 250), "budgetCents"),
            (new { campaignId = NewId("cmp"), advertiserId = "a", videoId = adVideo, budgetCents = 2.5, bidCpmCents = 5 }, "budgetCents"),
            (Campaign(NewId("cmp"), adVideo, 1, 1_001), "budgetCents"),
            (Campaign(NewId("cmp"), adVideo, 100, 0), "bidCpmCents"),
            (new { campaignId = NewId("cmp"), advertiserId = "a", videoId = adVideo, budgetCents = 5, bidCpmCents = "5" }, "bidCpmCents"),
            (Campaign(NewId("cmp"), adVideo, 100, 10, [""]), "targetTags[0]"),
            (Campaign(NewId("cmp"), adVideo, 100, 10, [.. Enumerable.Range(0, 17).Select(i => $"t{i}")]), "targetTags"),
            (Campaign(NewId("cmp"), adVideo, 100, 10, endsAt: DateTimeOffset.UtcNow.AddMinutes(-1)), "endsAt"),
            (new { campaignId = NewId("cmp"), advertiserId = "a", videoId = adVideo, budgetCents = 5, bidCpmCents = 5, endsAt = "tomorrow" }, "endsAt"),
            (Campaign(NewId("cmp"), NewId("v"), 100, 10, endsAt: future), "videoId"),
            (Campaign(NewId("cmp"), takenDown, 100, 10), "videoId"),
        ];
        foreach (var (badBody, field) in bad)
        {
            var response = await http.CreateCampaignAsync(badBody);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(badBody)} answered {(int)response.StatusCode}");
            var problem = await response.ReadProblemAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{JsonSerializer.Serialize(badBody)}: {problem}");
        }

        // None of the refused bodies created anything; the good one is there, untouched.
        var stats = await http.StatsAsync(campaign);
        Assert.Equal((0L, 500m), (stats["impressions"]!.GetValue<long>(), stats["remainingCents"]!.GetValue<decimal>()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetCampaignStatsAsync(NewId("cmp"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetCampaignStatsAsync(campaign, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetCampaignStatsAsync("bad%20id")).StatusCode);

        // Click and conversion events need a video, like any other video event.
        var noVideo = await http.PostAsJsonAsync("/v1/events", new { events = new[] { new { eventId = NewId("e"), userId = NewId("u"), type = "click" } } });
        Assert.Equal(HttpStatusCode.BadRequest, noVideo.StatusCode);
    }
}
