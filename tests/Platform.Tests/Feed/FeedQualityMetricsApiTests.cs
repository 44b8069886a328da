using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Feed;

/// <summary>
/// Live recommendation quality by feed source on <c>/metrics</c>, on a platform of its own. Alone in its collection,
/// not run beside other tests: every platform in this process exports the same-named meter.
/// </summary>
[Collection(FeedQualityMetricsCollection.Name)]
public sealed partial class FeedQualityMetricsApiTests : IAsyncLifetime
{
    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ImpressionsViewsLikesAndSkipsAreCountedBySourceOncePerImpression()
    {
        for (var i = 0; i < 6; i++)
        {
            await Http.RegisterVideoAsync(NewId("v"), NewId("c"));
        }

        var user = NewId("u");
        var before = await MetricsAsync();
        var feed = await Http.GetFeedAsync(user, 3);
        Assert.Equal(3, feed.Count);
        var (liked, skipped) = ((string)feed[0]["videoId"]!, (string)feed[1]["videoId"]!);
        var (likedSource, skippedSource) = ((string)feed[0]["source"]!, (string)feed[1]["source"]!);

        // A second like after an unlike, and a second view, count once for the impression.
        await Http.PostEventsAsync(View(user, liked), Engage("like", user, liked), Engage("unlike", user, liked), Engage("like", user, liked), View(user, liked));
        await Http.PostEventsAsync(Engage("skip", user, skipped));

        // The exporter caches a scrape for a moment: wait for one taken after the events.
        var after = await MetricsAsync();
        for (var tries = 0; tries < 50 && Delta("skips", skippedSource) < 1; tries++)
        {
            await Task.Delay(100);
            after = await MetricsAsync();
        }

        foreach (var source in feed.Select(i => (string)i["source"]!).Distinct())
        {
            Assert.Equal(feed.Count(i => (string)i["source"]! == source), Delta("impressions", source));
        }

        Assert.Equal(1, Delta("likes", likedSource));
        Assert.Equal(1, Delta("views", likedSource));
        Assert.Equal(1, Delta("skips", skippedSource));

        double Delta(string metric, string source) =>
            after.GetValueOrDefault((metric, source)) - before.GetValueOrDefault((metric, source));
    }

    private async Task<Dictionary<(string Metric, string Source), double>> MetricsAsync()
    {
        var text = await Http.GetStringAsync("/metrics");
        var values = new Dictionary<(string, string), double>();
        foreach (Match m in MetricLine().Matches(text))
        {
            values[(m.Groups[1].Value, m.Groups[2].Value)] = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return values;
    }

    [GeneratedRegex(@"^platform_feed_(impressions|views|likes|skips)_total\{[^}]*source=""([a-zA-Z]+)""[^}]*\} ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FeedQualityMetricsCollection
{
    public const string Name = "feed-quality-metrics";
}
