using Microsoft.Playwright;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>PLATFORM_CHROMIUM</c>) driven headless through
/// Playwright. Playwright's own browser downloads are not used; tools/install-test-deps.sh installs
/// the browser. A missing browser fails the tests that need it, with that instruction.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>Where tests leave screenshots for a person to look at.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: run tools/install-test-deps.sh (apt-get install chromium) before the browser tests.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
