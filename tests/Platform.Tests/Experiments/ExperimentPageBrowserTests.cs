using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Experiments;

/// <summary>The operators' experiment page in a real Chromium against a real platform.</summary>
[Collection(ExperimentCollection.Name)]
public sealed class ExperimentPageBrowserTests(ExperimentServerFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task OperatorSeesVariantsSideBySideUpdatingLiveAndStopsTheExperimentFromThePage()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.True((await Http.RegisterVideoAsync(NewId("v"), NewId("c"))).IsSuccessStatusCode);
        }

        var id = NewId("exp");
        using (var create = await AdminAsync(HttpMethod.Post, "/v1/admin/experiments", new
        {
            experimentId = id,
            variants = new object[]
            {
                new { name = "control", weight = 1, settings = new { } },
                new { name = "treatment", weight = 1, settings = new Dictionary<string, object> { ["Feed:ExploreShare"] = 0.5 } },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        }

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var requests = new List<Microsoft.Playwright.IRequest>();
        page.Request += (_, request) => requests.Add(request);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(platform.Server.Address, $"/experiments/{id}").ToString());
        await Expect(page.Locator("#experiment-id")).ToHaveTextAsync(id);

        // A wrong key is refused and the page says so.
        await page.FillAsync("#admin-key", "not-the-key");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#status")).ToContainTextAsync("refused");

        await page.FillAsync("#admin-key", ExperimentServerFixture.AdminKey);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#state")).ToHaveTextAsync("running");
        await Expect(page.Locator("#variants tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#variants tbody tr[data-variant='control'] td.p-value")).ToHaveTextAsync("control");

        // A user's feed and like reach the page's row for that user's variant while it is open (it polls every second).
        // A fresh user per try, so no one user's served history empties its feed while the silo loads the running list.
        var (user, variant, videoId) = await Poll.UntilAsync(
            async () =>
            {
                var probe = NewId("u");
                var feed = await Http.GetJsonAsync($"/v1/users/{probe}/feed?count=5");
                var items = feed["items"]!.AsArray();
                return feed["experiments"]?[id]?.GetValue<string>() is { } name && items.Count > 0
                    ? (probe, name, (string)items[0]!["videoId"]!)
                    : default;
            },
            served => served.name is not null,
            "the experiment reaches feeds");
        await Http.PostEventsAsync(Engage("like", user, videoId));
        var row = page.Locator($"#variants tbody tr[data-variant='{variant}']");
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Expect(row.Locator("td.like-rate")).Not.ToHaveTextAsync("0.00%");

        await page.ClickAsync("#stop");
        await Expect(page.Locator("#state")).ToHaveTextAsync("stopped");
        await Expect(page.Locator("#stop")).ToBeHiddenAsync();
        using (var report = await AdminAsync(HttpMethod.Get, $"/v1/admin/experiments/{id}"))
        {
            Assert.Equal("stopped", (string)(await report.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["state"]!);
        }

        // The key travelled only as a header, never in a URL; the page fits a phone's width.
        Assert.DoesNotContain(requests, r => r.Url.Contains(ExperimentServerFixture.AdminKey, StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 390 px.");
        Assert.Empty(errors);
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "experiment.png"), FullPage = true });
    }

    private Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ExperimentServerFixture.AdminKey);
        return Http.SendAsync(request);
    }
}
