using Platform.Tests.Infrastructure;
using Platform.Tests.Money;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Analytics;

/// <summary>The creator's tips series counts the growth of the tips total, once, however often a tip is retried.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TipSeriesTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task TipsSeriesAddsUpToTheCreatorsTipsOnceEach()
    {
        var (fan, creator) = (NewId("u"), NewId("c"));
        (await MoneyClient.UntilConfirmedAsync(() => _http.CreditAsync(fan, 1_000))).EnsureSuccessStatusCode();
        var first = NewId("t");
        (await MoneyClient.UntilConfirmedAsync(() => _http.TipAsync(first, fan, creator, 250))).EnsureSuccessStatusCode();
        (await MoneyClient.UntilConfirmedAsync(() => _http.TipAsync(first, fan, creator, 250))).EnsureSuccessStatusCode();
        (await MoneyClient.UntilConfirmedAsync(() => _http.TipAsync(NewId("t"), fan, creator, 125))).EnsureSuccessStatusCode();

        var earnings = await _http.EarningsAsync(creator);
        Assert.Equal(375, earnings.Cents("tipsCents"));
        var points = await Poll.UntilAsync(
            async () => (await _http.GetJsonAsync($"/v1/creators/{creator}/timeseries?metric=tipsCents&resolution=minute"))["points"]!.AsArray().Sum(p => (long)p!["value"]!),
            sum => sum == 375, "the tips series reaches the tips total");
        Assert.Equal(375, points);
        var days = await _http.GetJsonAsync($"/v1/creators/{creator}/timeseries?metric=tipsCents&resolution=day");
        Assert.Equal(375, days["points"]!.AsArray().Sum(p => (long)p!["value"]!));
    }
}
