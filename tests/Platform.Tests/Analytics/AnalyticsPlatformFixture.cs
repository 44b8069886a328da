using Platform.Tests.Infrastructure;

namespace Platform.Tests.Analytics;

/// <summary>
/// A platform of its own for the analytics tests, so the feed pages of the impressions test serve only the videos the
/// test registered; impressions flush every 200 ms.
/// </summary>
public sealed class AnalyticsPlatformFixture : IAsyncLifetime
{
    public PlatformServer Server { get; private set; } = null!;

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync() =>
        Server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:Analytics:ImpressionFlushInterval"] = "00:00:00.2" });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsPlatformFixture>
{
    public const string Name = "analytics";
}
