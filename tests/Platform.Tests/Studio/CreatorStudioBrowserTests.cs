using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Api.Services;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Studio;

/// <summary>The creator studio page in a real Chromium against a real platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CreatorStudioBrowserTests(PlatformServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task StudioPageShowsLiveNumbersAndChartWithoutReload()
    {
        var creatorId = NewId("c");
        var (hit, other) = (NewId("v-hit"), NewId("v-other"));
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterVideoAsync(hit, creatorId)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterVideoAsync(other, creatorId)).StatusCode);
        await Http.PostEventsAsync(View(NewId("u"), hit, 20_000), View(NewId("u"), other, 10_000), Follow(NewId("u"), creatorId));

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        var loads = 0;
        page.Load += (_, _) => loads++;

        await page.GotoAsync(new Uri(platform.Server.Address, $"/creators/{creatorId}").ToString());
        await Expect(page.Locator("#creator-id")).ToHaveTextAsync(creatorId);
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator("#views")).ToHaveTextAsync("2");
        await Expect(page.Locator("#followers")).ToHaveTextAsync("1");
        await Expect(page.Locator("#watch-time")).ToHaveTextAsync("30 s");
        await Expect(page.Locator("#watch-per-view")).ToHaveTextAsync("15 s");
        var chart = page.Locator("#views-chart");
        var lineBefore = await page.Locator("#views-line").GetAttributeAsync("d");
        var pointsBefore = int.Parse((await chart.GetAttributeAsync("data-points"))!);

        // The hit goes viral while the page is open.
        var events = new List<object>();
        for (var i = 0; i < 40; i++)
        {
            events.Add(View(NewId("u"), hit, 30_000));
        }

        events.Add(Engage("like", NewId("u"), hit));
        events.Add(Engage("share", NewId("u"), hit));
        events.Add(Engage("comment", NewId("u"), other));
        events.Add(Follow(NewId("u"), creatorId));
        await Http.PostEventsAsync([.. events]);

        await Expect(page.Locator("#views")).ToHaveTextAsync("42");
        await Expect(page.Locator("#likes")).ToHaveTextAsync("1");
        await Expect(page.Locator("#shares")).ToHaveTextAsync("1");
        await Expect(page.Locator("#comments")).ToHaveTextAsync("1");
        await Expect(page.Locator("#followers")).ToHaveTextAsync("2");
        await Expect(page.Locator("#watch-time")).ToHaveTextAsync("20 min 30 s");
        await Expect(page.Locator("#top-videos tbody tr").First).ToContainTextAsync(hit);
        await Expect(page.Locator("#top-videos tbody tr").First).ToContainTextAsync("41");
        await page.WaitForFunctionAsync("n => Number(document.getElementById('views-chart').dataset.points) > n", pointsBefore);
        Assert.NotEqual(lineBefore, await page.Locator("#views-line").GetAttributeAsync("d"));
        await Expect(chart).ToHaveAttributeAsync("aria-label", "Views over time: 42 views now");
        Assert.Equal(1, loads);

        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.WaitForTimeoutAsync(800); // let the change highlight fade before the picture
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "studio-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "studio-phone.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at phone width");
        Assert.Empty(problems);

        // A reload keeps the chart drawn so far (session storage) and reconnects.
        var pointsSeen = int.Parse((await chart.GetAttributeAsync("data-points"))!);
        await page.ReloadAsync();
        await Expect(page.Locator("#views")).ToHaveTextAsync("42");
        Assert.True(int.Parse((await chart.GetAttributeAsync("data-points"))!) >= pointsSeen, "the chart started over after a reload");

        // Closing the tab releases the gateway's subscription.
        var hub = platform.Server.Services.GetRequiredService<CreatorLiveHub>();
        Assert.True(hub.IsWatching(creatorId));
        await page.CloseAsync();
        await Poll.UntilAsync(() => !hub.IsWatching(creatorId), "the subscription ends with the closed tab");
    }
}
