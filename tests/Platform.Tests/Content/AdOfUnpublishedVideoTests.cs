using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Ads;
using Platform.Tests.Ads;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Ads.AdsApi;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>
/// An ad is a feed item too: a campaign's video that leaves publication leaves every feed at once, though the silo
/// still holds a paid slice of the campaign; published again, its ad comes back.
/// </summary>
public sealed class AdOfUnpublishedVideoTests
{
    [Fact]
    public async Task AdOfATakenDownVideoLeavesFeedsAtOnceAndReturnsWhenRestored()
    {
        // Leases of 10 s: without the platform's own word the slice would keep serving the ad that long.
        await using var server = await PlatformServer.StartAsync(AdsServerFixture.FastAds(new() { ["Platform:Ads:LeaseDuration"] = "00:00:10" }));
        var http = server.Http;
        var ads = server.Services.GetRequiredService<AdService>();
        await http.RegisterTaggedVideosAsync(NewId("t"), 20);
        var adVideo = await http.RegisterAdVideoAsync();
        var campaign = NewId("cmp");
        await http.CreateCampaignOkAsync(Campaign(campaign, adVideo, 100, 200));
        await ads.WaitServableAsync(campaign);
        Assert.Contains(await FeedVideosAsync(http), v => v == adVideo);

        Assert.Equal(HttpStatusCode.OK, (await Decide(http, adVideo, "takedown")).StatusCode);
        for (var i = 0; i < 20; i++)
        {
            Assert.DoesNotContain(await FeedVideosAsync(http), v => v == adVideo);
        }

        Assert.Equal(HttpStatusCode.OK, (await Decide(http, adVideo, "restore")).StatusCode);
        await Poll.UntilAsync(async () => (await FeedVideosAsync(http)).Contains(adVideo), "the restored video's ad is served again", TimeSpan.FromSeconds(15));
    }

    /// <summary>The videos of a new user's feed page of 10 (an ad is the third item).</summary>
    private static async Task<List<string>> FeedVideosAsync(HttpClient http) =>
        [.. (await http.GetFeedAsync(NewId("u"), 10)).Select(i => (string)i["videoId"]!)];

    private static Task<HttpResponseMessage> Decide(HttpClient http, string video, string action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/{action}");
        request.Headers.Add("X-Api-Key", AdsServerFixture.AdminKey);
        return http.SendAsync(request);
    }
}
