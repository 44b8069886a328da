using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class PaidVideoTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task PaidVideoIsLockedAndUnviewableUntilBoughtAndBuyingTwiceChargesOnce()
    {
        var creator = NewId("c");
        var video = NewId("v");
        var buyer = NewId("u");
        Assert.Equal(HttpStatusCode.Created, (await _http.RegisterPaidVideoAsync(video, creator, 250)).StatusCode);
        Assert.Equal(250, (await _http.GetJsonAsync($"/v1/videos/{video}")).Cents("priceCents"));
        await _http.CreditAsync(buyer, 1_000);

        var locked = await FindInFeedAsync(buyer, video);
        Assert.Equal(250, locked.Cents("priceCents"));
        Assert.True((bool)locked["locked"]!);
        var refused = await _http.PostEventsAsync(View(buyer, video));
        Assert.Equal("not purchased", (string)refused["rejected"]![0]!["reason"]!);
        Assert.Equal(0, (await _http.GetJsonAsync($"/v1/videos/{video}/stats")).Cents("views"));

        var purchaseId = NewId("p");
        var bought = await _http.PurchaseAsync(purchaseId, buyer, video);
        var sameId = await _http.PurchaseAsync(purchaseId, buyer, video);
        var otherId = await _http.PurchaseAsync(NewId("p"), buyer, video);

        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        Assert.Equal(750, (await bought.BodyAsync()).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.OK, sameId.StatusCode);
        Assert.Equal(750, (await sameId.BodyAsync()).Cents("balanceCents"));
        Assert.Equal(HttpStatusCode.OK, otherId.StatusCode);
        Assert.Equal(750, (await _http.WalletAsync(buyer)).Cents("balanceCents"));
        var earnings = await _http.EarningsAsync(creator);
        Assert.Equal(250, earnings.Cents("salesCents"));
        Assert.Equal(75, earnings.Cents("platformFeeCents"));
        Assert.Equal(175, earnings.Cents("netCents"));

        var accepted = await _http.PostEventsAsync(View(buyer, video));
        Assert.Empty(accepted["rejected"]!.AsArray());
        Assert.Equal(1, (await _http.GetJsonAsync($"/v1/videos/{video}/stats")).Cents("views"));

        // Another user still sees it locked.
        var stranger = await FindInFeedAsync(NewId("u"), video);
        Assert.True((bool)stranger["locked"]!);
    }

    [Fact]
    public async Task NonViewEventsOnAPaidVideoAreStillAccepted()
    {
        var creator = NewId("c");
        var video = NewId("v");
        var user = NewId("u");
        await _http.RegisterPaidVideoAsync(video, creator, 100);

        var result = await _http.PostEventsAsync(View(user, video), Engage("like", user, video));

        var rejected = result["rejected"]!.AsArray();
        Assert.Single(rejected);
        Assert.Equal(0, (int)rejected[0]!["index"]!);
        Assert.Equal("not purchased", (string)rejected[0]!["reason"]!);
        var stats = await _http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(0, stats.Cents("views"));
        Assert.Equal(1, stats.Cents("likes"));
    }

    [Fact]
    public async Task PurchaseOverTheBalanceIs402AndLeavesTheVideoLocked()
    {
        var creator = NewId("c");
        var video = NewId("v");
        var user = NewId("u");
        await _http.RegisterPaidVideoAsync(video, creator, 500);
        await _http.CreditAsync(user, 499);

        var response = await _http.PurchaseAsync(NewId("p"), user, video);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        await response.ReadProblemAsync();
        Assert.Equal(499, (await _http.WalletAsync(user)).Cents("balanceCents"));
        Assert.Equal(0, (await _http.EarningsAsync(creator)).Cents("salesCents"));
        Assert.Equal("not purchased", (string)(await _http.PostEventsAsync(View(user, video)))["rejected"]![0]!["reason"]!);
    }

    [Fact]
    public async Task FreeOrUnknownVideoCannotBeBought()
    {
        var creator = NewId("c");
        var free = NewId("v");
        var user = NewId("u");
        await _http.RegisterVideoAsync(free, creator);
        await _http.CreditAsync(user, 100);

        var freeAnswer = await _http.PurchaseAsync(NewId("p"), user, free);
        var unknownAnswer = await _http.PurchaseAsync(NewId("p"), user, NewId("v"));

        Assert.Equal(HttpStatusCode.BadRequest, freeAnswer.StatusCode);
        Assert.True((await freeAnswer.ReadProblemAsync()).GetProperty("errors").TryGetProperty("videoId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownAnswer.StatusCode);
        Assert.Equal(100, (await _http.WalletAsync(user)).Cents("balanceCents"));
        var item = await FindInFeedAsync(user, free);
        Assert.Null(item["priceCents"]);
        Assert.Null(item["locked"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public async Task PriceOutOfRangeIs400(int priceCents)
    {
        var response = await _http.RegisterPaidVideoAsync(NewId("v"), NewId("c"), priceCents);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("priceCents", out _));
    }

    /// <summary>Pages through the user's feed until the video comes up (fresh videos are served early).</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> FindInFeedAsync(string userId, string videoId)
    {
        for (var page = 0; page < 30; page++)
        {
            var items = await _http.GetFeedAsync(userId, 50);
            if (items.FirstOrDefault(i => (string)i["videoId"]! == videoId) is { } item)
            {
                return item;
            }

            if (items.Count == 0)
            {
                break;
            }
        }

        Assert.Fail($"Video {videoId} never came up in {userId}'s feed.");
        return null!;
    }
}
