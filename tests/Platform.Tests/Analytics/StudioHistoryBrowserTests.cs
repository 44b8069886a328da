using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Analytics;

/// <summary>The studio's server-side history, titles and video analytics in a real Chromium, in a browser context that never saw the page.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class StudioHistoryBrowserTests(AnalyticsPlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private HttpClient Http => platform.Http;

    private static object ViewAt(string videoId, DateTimeOffset at) => new
    {
        eventId = NewId("e"), userId = NewId("u"), videoId, type = "view", watchMs = 12_000,
        at = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task FreshBrowserSeesHistoryTitlesRangesAndLiveUpdates()
    {
        var (creator, hit, other) = (NewId("c"), NewId("v"), NewId("v"));
        var created = await Http.PostAsJsonAsync("/v1/videos", new { videoId = hit, creatorId = creator, title = "Sunset timelapse over the bay", tags = Array.Empty<string>(), durationMs = 20_000 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterVideoAsync(other, creator)).StatusCode);

        // Yesterday's and last week's views, sent before any browser opened the studio.
        var now = DateTimeOffset.UtcNow;
        var history = new List<object>();
        history.AddRange(Enumerable.Range(0, 3).Select(_ => ViewAt(hit, now.AddMinutes(-30))));
        history.AddRange(Enumerable.Range(0, 5).Select(_ => ViewAt(hit, now.AddHours(-20))));
        history.AddRange(Enumerable.Range(0, 7).Select(_ => ViewAt(other, now.AddDays(-10))));
        await Http.PostEventsAsync([.. history]);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(platform.Server.Address, $"/creators/{creator}").ToString());
        var chart = page.Locator("#history-chart");
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live");
        await Expect(chart).ToHaveAttributeAsync("data-range", "hour");
        await Expect(chart).ToHaveAttributeAsync("data-total", "3");
        await Expect(chart).ToHaveAttributeAsync("data-points", "61");
        await Expect(page.Locator("#top-videos .video.title").First).ToHaveTextAsync("Sunset timelapse over the bay");

        await page.ClickAsync("#history .ranges button[data-range='48h']");
        await Expect(chart).ToHaveAttributeAsync("data-range", "48h");
        await Expect(chart).ToHaveAttributeAsync("data-total", "8");
        await Expect(page.Locator("#history .ranges button[data-range='48h']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ClickAsync("#history .ranges button[data-range='30d']");
        await Expect(chart).ToHaveAttributeAsync("data-range", "30d");
        await Expect(chart).ToHaveAttributeAsync("data-total", "15");
        await Expect(chart).ToHaveAttributeAsync("data-points", "31");
        await Expect(page.Locator("#history-csv")).ToHaveAttributeAsync("href", $"/v1/creators/{creator}/timeseries?metric=views&resolution=day&format=csv");

        // New views while the page is open flow into the current range, without a reload.
        await Http.PostEventsAsync(View(NewId("u"), hit, 20_000), View(NewId("u"), hit, 20_000), View(NewId("u"), other, 5_000), View(NewId("u"), other, 5_000));
        await Expect(page.Locator("#views")).ToHaveTextAsync("19");
        await Expect(chart).ToHaveAttributeAsync("data-total", "19");

        // The video's detail: its numbers, the retention curve, where its impressions came from.
        await page.Locator("#top-videos .video-link", new() { HasText = "Sunset timelapse" }).ClickAsync();
        var detail = page.Locator("#video-detail");
        await Expect(detail).ToBeVisibleAsync();
        await Expect(detail).ToHaveAttributeAsync("data-video-id", hit);
        await Expect(page.Locator("#detail-views")).ToHaveTextAsync("10");
        await Expect(page.Locator("#retention-chart")).ToHaveAttributeAsync("data-points", "11");
        var served = await Http.GetJsonAsync($"/v1/videos/{hit}/analytics");
        await Expect(page.Locator("#detail-impressions")).ToHaveTextAsync(((long)served["impressions"]!).ToString("N0", CultureInfo.InvariantCulture));
        var sources = served["impressionsBySource"]!.AsObject().Count(s => (long)s.Value! > 0);
        await Expect(page.Locator("#detail-sources li")).ToHaveCountAsync(Math.Max(sources, 1));

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "studio-history-phone.png"), FullPage = true });
        Assert.Empty(problems);
    }
}
