using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Ads.AdsApi;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Ads;

/// <summary>The user's export shows what ads hold about them (issue 14), and erasure removes it.</summary>
[Collection(AdsCollection.Name)]
public sealed class AdsExportTests(AdsServerFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ExportShowsInterestTagsFrequencyCapsAndServedAdsUntilErasure()
    {
        var tag = NewId("t");
        var videos = await _http.RegisterTaggedVideosAsync(tag);
        var adVideo = await _http.RegisterAdVideoAsync();
        var campaign = NewId("cmp");
        await _http.CreateCampaignOkAsync(Campaign(campaign, adVideo, 1_000, 300, [tag]));
        await fixture.Ads.WaitServableAsync(campaign);
        var user = await _http.InterestedUserAsync(videos[0], adVideo);
        var fresh = NewId("u");
        var feed = await _http.GetFeedAsync(user, 5);
        Assert.Single(AdsOf(feed), a => (string)a["campaignId"]! == campaign);

        var ads = (await _http.GetJsonAsync($"/v1/users/{user}/export"))["ads"]!;

        Assert.Contains(tag.ToLowerInvariant(), Strings(ads["interestTags"]));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)ads["capDay"]!);
        Assert.Equal(1, (int)ads["shownOnCapDay"]![campaign]!);
        var served = Assert.Single(ads["served"]!.AsArray())!;
        Assert.Equal(adVideo, (string)served["videoId"]!);
        Assert.Equal(campaign, (string)served["campaignId"]!);
        Assert.False((bool)served["clicked"]!);
        Assert.False((bool)served["converted"]!);

        // A user ads know nothing about exports empty ads state.
        var none = (await _http.GetJsonAsync($"/v1/users/{fresh}/export"))["ads"]!;
        Assert.Empty(none["interestTags"]!.AsArray());
        Assert.Null(none["capDay"]);
        Assert.Empty(none["shownOnCapDay"]!.AsObject());
        Assert.Empty(none["served"]!.AsArray());

        var erased = await _http.DeleteAsync($"/v1/users/{user}");
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);
        Assert.Equal("erased", (string)JsonNode.Parse(await erased.Content.ReadAsStringAsync())!["status"]!);

        var after = (await _http.GetJsonAsync($"/v1/users/{user}/export"))["ads"]!;
        Assert.Equal(none.ToJsonString(), after.ToJsonString());
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];
}
