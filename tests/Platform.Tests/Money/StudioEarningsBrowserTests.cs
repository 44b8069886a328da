using System.Net;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Money;

/// <summary>The creator studio page in a real Chromium shows earnings as tips and sales come in, without a reload.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StudioEarningsBrowserTests(PlatformServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task StudioPageShowsEarningsLiveWithoutReload()
    {
        var creator = NewId("c");
        var video = NewId("v");
        var fan = NewId("u");
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterPaidVideoAsync(video, creator, 1_000)).StatusCode);
        await Http.CreditAsync(fan, 5_000);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;

        await page.GotoAsync(new Uri(platform.Server.Address, $"/creators/{creator}").ToString());
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator("#net")).ToHaveTextAsync("–");

        Assert.Equal(HttpStatusCode.Created, (await Http.TipAsync(NewId("t"), fan, creator, 250)).StatusCode);
        await Expect(page.Locator("#tips")).ToHaveTextAsync("2.50", new() { Timeout = 1_000 });
        Assert.Equal(HttpStatusCode.Created, (await Http.PurchaseAsync(NewId("p"), fan, video)).StatusCode);
        await Expect(page.Locator("#sales")).ToHaveTextAsync("10.00", new() { Timeout = 1_000 });

        // floor(0.3 * 250) + floor(0.3 * 1000) = 75 + 300 cents.
        await Expect(page.Locator("#platform-fee")).ToHaveTextAsync("3.75");
        await Expect(page.Locator("#net")).ToHaveTextAsync("8.75");
        Assert.Equal(1, loads);
    }
}
