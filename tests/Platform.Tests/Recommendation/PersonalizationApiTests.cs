using Platform.Grains.Recommendation;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Recommendation;

/// <summary>Feed quality through the real HTTP API, on a platform of its own (its catalog must hold only these videos).</summary>
public sealed class PersonalizationApiTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quality-").FullName;
    private PlatformServer _server = null!;

    private string FeatureLog => Path.Combine(_directory, "features.tsv");

    public async Task InitializeAsync() =>
        _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Ranking:FeatureLogPath"] = FeatureLog,
            ["Platform:Catalog:ReportInterval"] = "00:00:00.200",
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task FeedFollowsWhatSimilarUsersWatchedAfterTheUsersOwnVideos()
    {
        var http = _server.Http;
        var run = ApiClient.NewId("p");
        // Six cat lovers and six car lovers each watch to the end and like eight videos of their kind.
        var (cats, _) = await TwoTastes.SeedAsync(http, run, videosPerKind: 24, creatorsPerKind: 8, likesPerFan: 8, stride: 4);

        var feed = await TwoTastes.FeedAfterLikingTwoCatsAsync(http, run, cats);

        var catCount = feed.Count(i => ((string)i["videoId"]!).Contains("-cat", StringComparison.Ordinal));
        Assert.True(catCount >= 7, $"only {catCount} of {feed.Count} feed items are cat videos: {string.Join(", ", feed.Select(i => $"{i["videoId"]}/{i["source"]}"))}");
        Assert.Contains(feed, i => (string)i["source"]! == "coEngagement");
        Assert.DoesNotContain(feed, i => (string)i["videoId"]! == cats[0] || (string)i["videoId"]! == cats[1]);

        // Engaging with what was served is logged, with its features, for the learned ranker.
        var me = $"{run}-me";
        var served = (string)feed[0]["videoId"]!;
        await http.PostEventsAsync(ApiClient.View(me, served, 30_000), ApiClient.Engage("like", me, served));
        await Poll.UntilAsync(() => File.Exists(FeatureLog) && ReadShared(FeatureLog).Any(l => l.StartsWith("1\t", StringComparison.Ordinal)),
            "a positive example reaches the feature log");
        var lines = ReadShared(FeatureLog);
        Assert.Equal("label\t" + string.Join('\t', RankingFeatures.Names) + "\treason\treasonRef", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Equal(RankingFeatures.Count + 3, l.Split('\t').Length));

        // The liked item's line carries the reason it was served with, as the feed gave it.
        var reason = feed[0]["reason"]!;
        var reference = (string?)reason["videoId"] ?? (string?)reason["creatorId"] ?? "";
        Assert.Contains(lines.Skip(1), l => l.StartsWith("1\t", StringComparison.Ordinal) && l.EndsWith($"\t{(string)reason["kind"]!}\t{reference}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewUserGetsTrendingAndExplorationFromTheStart()
    {
        var http = _server.Http;
        var run = ApiClient.NewId("n");
        for (var i = 0; i < 12; i++)
        {
            await http.RegisterVideoAsync($"{run}-v{i}", $"{run}-c{i % 4}");
        }

        // Some engagement makes a few videos trend.
        for (var u = 0; u < 3; u++)
        {
            await http.PostEventsAsync(ApiClient.View($"{run}-u{u}", $"{run}-v0", 30_000), ApiClient.Engage("like", $"{run}-u{u}", $"{run}-v0"));
        }

        await Task.Delay(500);
        var feed = await http.GetFeedAsync($"{run}-newcomer", 10);

        Assert.Equal(10, feed.Count);
        Assert.Subset(new HashSet<string> { "trending", "fresh", "explore" }, feed.Select(i => (string)i["source"]!).ToHashSet());
        Assert.True(feed.GroupBy(i => (string)i["creatorId"]!).All(g => g.Count() <= 3), "a creator has more than 3 videos on one page");
    }

    private static List<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
