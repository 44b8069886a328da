using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Grains.Ads;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Ads;

/// <summary>The ad routes and the world an ad test needs (videos with a tag of its own, users interested in it), over HTTP.</summary>
public static class AdsApi
{
    public static async Task<HttpResponseMessage> CreateCampaignAsync(this HttpClient http, object body, string? key = AdsServerFixture.AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/campaigns") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> CreateCampaignOkAsync(this HttpClient http, object body, string key = AdsServerFixture.AdminKey)
    {
        var response = await http.CreateCampaignAsync(body, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /v1/admin/campaigns answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<HttpResponseMessage> GetCampaignStatsAsync(this HttpClient http, string campaignId, string? key = AdsServerFixture.AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/admin/campaigns/{campaignId}/stats");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> StatsAsync(this HttpClient http, string campaignId, string key = AdsServerFixture.AdminKey)
    {
        var response = await http.GetCampaignStatsAsync(campaignId, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"stats answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Polls the stats until <paramref name="done"/> holds (spend reports travel right after the feed answers).</summary>
    public static Task<JsonObject> StatsWhenAsync(this HttpClient http, string campaignId, Func<JsonObject, bool> done, string key = AdsServerFixture.AdminKey) =>
        Poll.UntilAsync(() => http.StatsAsync(campaignId, key), done, $"the stats of {campaignId} settle", TimeSpan.FromSeconds(15));

    public static object Campaign(string campaignId, string videoId, long budgetCents, long bidCpmCents, string[]? targetTags = null, DateTimeOffset? endsAt = null) =>
        new { campaignId, advertiserId = "adv-1", videoId, budgetCents, bidCpmCents, targetTags, endsAt = endsAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") };

    public static List<JsonObject> AdsOf(IEnumerable<JsonObject> feed) => [.. feed.Where(i => (string)i["source"]! == "ad")];

    /// <summary>Waits until the server's ad service holds a slice of each campaign (no impression is spent waiting).</summary>
    public static Task WaitServableAsync(this AdService ads, params string[] campaignIds) =>
        Poll.UntilAsync(() => campaignIds.All(ads.CanServe), $"the ad service holds slices of {string.Join(", ", campaignIds)}", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(20));

    /// <summary>Registers <paramref name="count"/> videos with the tag over 10 creators, and an untagged ad video per campaign.</summary>
    public static async Task<string[]> RegisterTaggedVideosAsync(this HttpClient http, string tag, int count = 40)
    {
        var creators = Enumerable.Range(0, 10).Select(_ => NewId("c")).ToArray();
        var videos = new string[count];
        for (var i = 0; i < count; i++)
        {
            videos[i] = NewId("v");
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterVideoAsync(videos[i], creators[i % creators.Length], 30_000, tag)).StatusCode);
        }

        return videos;
    }

    public static async Task<string> RegisterAdVideoAsync(this HttpClient http)
    {
        var videoId = NewId("ad");
        Assert.Equal(HttpStatusCode.Created, (await http.RegisterVideoAsync(videoId, NewId("brand"), 15_000)).StatusCode);
        return videoId;
    }

    /// <summary>
    /// A user whose engagement shows interest in the tag (a like of a tagged video), who has also glanced at the ad
    /// videos so they never come organically (an ad is the one item a view does not exclude).
    /// </summary>
    public static async Task<string> InterestedUserAsync(this HttpClient http, string likedVideo, params string[] adVideos)
    {
        var user = NewId("u");
        await http.PostEventsAsync([Engage("like", user, likedVideo), .. adVideos.Select(v => View(user, v, 1_000))]);
        return user;
    }
}
