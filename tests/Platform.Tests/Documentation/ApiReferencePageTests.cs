using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Tests.Documentation;

/// <summary>The Scalar reference page at /docs in a real Chromium: it loads the document and shows the operations.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferencePageTests(PlatformServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DocsPageShowsTheOperationsOfTheDocumentWithTheirSummaries()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var response = await page.GotoAsync(new Uri(platform.Server.Address, "/docs").ToString());
        Assert.True(response?.Ok, $"/docs answered {response?.Status}");
        await Expect(page.GetByText("Short-video platform API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Takes a video down", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        foreach (var (group, summary) in new[]
        {
            ("Videos", "Registers a video: 201 the first time"),
            ("Feed", "A ranked, de-duplicated page of videos the user has not seen."),
            ("Operations", "The cluster answers."),
        })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Open Group - {group}", Exact = true }).ClickAsync();
            await Expect(page.GetByText(summary, new() { Exact = false }).First).ToBeVisibleAsync();
        }

        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "api-docs.png") });
        Assert.Contains(requested, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.StartsWith(platform.Server.Address.GetLeftPart(UriPartial.Authority), url));
    }
}
