using System.Net;
using Microsoft.Playwright;
using Platform.Tests.Content;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Studio;

/// <summary>The operators' moderation page in a real Chromium against a real platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ModerationPageBrowserTests(PlatformServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task OperatorSeesDuplicateBesideItsOriginalAndApprovesAndRejectsFromThePage()
    {
        var random = new Random(1620);
        var (original, copy, other) = (NewId("v-orig"), NewId("v-copy"), NewId("v-other"));
        var fingerprint = ContentClient.RandomFingerprint(random);
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterAsync(original, NewId("c"), fingerprint, "The original knife skills")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterAsync(copy, NewId("c"), ContentClient.Flip(fingerprint, 4, 1), "Knife skills (re-upload)")).StatusCode);
        var otherPrint = ContentClient.RandomFingerprint(random);
        await Http.RegisterAsync(NewId("v"), NewId("c"), otherPrint);
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterAsync(other, NewId("c"), otherPrint ^ 1, "Another copy")).StatusCode);

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<Microsoft.Playwright.IRequest>();
        page.Request += (_, request) => requests.Add(request);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(platform.Server.Address, "/moderation").ToString());
        await Expect(page.Locator("#status")).ToContainTextAsync("admin key");

        // A wrong key is refused and the page says so.
        await page.FillAsync("#admin-key", "not-the-key");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#status")).ToContainTextAsync("refused");

        await page.FillAsync("#admin-key", PlatformServerFixture.AdminKey);
        await page.ClickAsync("#sign-in");
        var item = page.Locator($"li.item[data-video-id='{copy}']");
        await Expect(item.Locator(".title")).ToHaveTextAsync("Knife skills (re-upload)");
        await Expect(item.Locator(".reason")).ToHaveTextAsync("possibleDuplicate");
        await Expect(item.Locator(".reports")).ToHaveTextAsync("0");
        await Expect(item.Locator(".original")).ToBeVisibleAsync();
        await Expect(item.Locator(".original-id")).ToHaveTextAsync(original);
        await Expect(item.Locator(".original-title")).ToHaveTextAsync("The original knife skills");
        await Expect(item.Locator(".original-state")).ToHaveTextAsync("published");

        await item.Locator(".note").FillAsync("licensed");
        await item.Locator(".approve").ClickAsync();
        await Expect(page.Locator($"li.item[data-video-id='{copy}']")).ToHaveCountAsync(0);
        Assert.Equal("published", await Http.StateAsync(copy));

        await page.Locator($"li.item[data-video-id='{other}'] .reject").ClickAsync();
        await Expect(page.Locator($"li.item[data-video-id='{other}']")).ToHaveCountAsync(0);
        Assert.Equal("rejected", await Http.StateAsync(other));

        var audit = (await Http.AdminJsonAsync($"/v1/admin/videos/{copy}/audit"))["items"]!.AsArray();
        Assert.Equal("licensed", (string)audit[^1]!["note"]!);
        Assert.Equal("approve", (string)audit[^1]!["action"]!);

        // The key travelled only as a header, never in a URL.
        Assert.DoesNotContain(requests, r => r.Url.Contains(PlatformServerFixture.AdminKey, StringComparison.Ordinal));
        var adminCalls = requests.Where(r => r.Url.Contains("/v1/admin/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adminCalls);
        foreach (var call in adminCalls)
        {
            Assert.True((await call.AllHeadersAsync()).ContainsKey("x-api-key"));
        }

        Assert.Empty(errors);
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "moderation.png"), FullPage = true });
    }
}
