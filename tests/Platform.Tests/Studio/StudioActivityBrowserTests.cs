using System.Net;
using Platform.Tests.Content;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Studio;

/// <summary>The creator's live stream carries comments and state changes, and the studio page shows them as they happen.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StudioActivityBrowserTests(PlatformServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StudioShowsANewCommentAndATakedownWithoutReload()
    {
        var http = platform.Http;
        var (creator, video) = (NewId("c"), NewId("v"));
        await http.RegisterJsonAsync(video, creator);

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Server.Address, $"/creators/{creator}").ToString());
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live");

        // The page subscribes on load; give the gateway's registration a moment by waiting for the first stats frame.
        await Expect(page.Locator("#videos")).ToHaveTextAsync("1");
        Assert.Equal(HttpStatusCode.Created, (await http.CommentAsync(video, NewId("cm"), NewId("u"), "Loved the ending")).StatusCode);
        await Expect(page.Locator("#activity li[data-kind='comment']")).ToContainTextAsync("Loved the ending");

        Assert.Equal(HttpStatusCode.OK, (await http.DecideAsync(video, "takedown")).StatusCode);
        await Expect(page.Locator("#activity li[data-kind='stateChanged']")).ToContainTextAsync($"{video} was taken down");
        await Expect(page.Locator("#comments")).ToHaveTextAsync("1");
    }
}
