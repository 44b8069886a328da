using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

[Collection(PlatformCollection.Name)]
public sealed class StudioEarningsTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task TipReachesTheCreatorsLiveStreamWithinASecond()
    {
        var creator = NewId("c");
        var user = NewId("u");
        await _http.CreditAsync(user, 1_000);
        await using var stream = await EventStreamReader.OpenAsync(platform.Server.Address, $"/v1/creators/{creator}/live");
        await stream.NextStatsAsync(TimeSpan.FromSeconds(10));

        var sent = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Created, (await _http.TipAsync(NewId("t"), user, creator, 400)).StatusCode);
        var (stats, arrivedAt, _) = await stream.WaitForStatsAsync(s => Gross(s) == 400, TimeSpan.FromSeconds(5));

        Assert.True(Stopwatch.GetElapsedTime(sent, arrivedAt) < TimeSpan.FromSeconds(1), $"earnings took {Stopwatch.GetElapsedTime(sent, arrivedAt)}");
        var earnings = stats["earnings"]!.AsObject();
        Assert.Equal(400, earnings.Cents("tipsCents"));
        Assert.Equal(120, earnings.Cents("platformFeeCents"));
        Assert.Equal(280, earnings.Cents("netCents"));
    }

    [Fact]
    public async Task NewLiveStreamStartsWithTheEarningsSoFar()
    {
        var creator = NewId("c");
        var user = NewId("u");
        await _http.CreditAsync(user, 1_000);
        await _http.TipAsync(NewId("t"), user, creator, 250);

        await using var stream = await EventStreamReader.OpenAsync(platform.Server.Address, $"/v1/creators/{creator}/live");
        var (stats, _) = await stream.NextStatsAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(250, Gross(stats));
        Assert.Null((await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["earnings"]);
    }

    private static long? Gross(JsonObject stats) => (long?)stats["earnings"]?["grossCents"];
}
