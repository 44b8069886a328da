using System.Diagnostics;
using System.Net;
using Platform.Grains.Recommendation;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Discovery;

/// <summary><c>GET /v1/search</c> through real HTTP on a real single-node platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SearchTests(PlatformServerFixture platform, ITestOutputHelper output)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task ChineseQueryFindsTitlesContainingItsWord()
    {
        var knife = NewId("v");
        var cooking = NewId("v");
        var creator = NewId("c");
        await _http.RegisterAsync(knife, creator, "三分钟学会刀工");
        await _http.RegisterAsync(cooking, creator, "三分钟学会做饭");

        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync("刀工", 100)).Contains(knife), "刀工 finds 三分钟学会刀工");

        var found = await _http.SearchIdsAsync("刀工", 100);
        Assert.DoesNotContain(cooking, found);
        Assert.Contains(cooking, await _http.SearchIdsAsync("做饭", 100));
        Assert.DoesNotContain(knife, await _http.SearchIdsAsync("做饭", 100));
    }

    [Fact]
    public async Task EnglishSearchIgnoresWordEndings()
    {
        var word = DiscoveryClient.UniqueWord();
        var video = NewId("v");
        var other = NewId("v");
        await _http.RegisterAsync(video, NewId("c"), $"{word}ing in thirty seconds");
        await _http.RegisterAsync(other, NewId("c"), $"{DiscoveryClient.UniqueWord()}ing in thirty seconds");

        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync($"{word}ed")).Contains(video), $"'{word}ed' finds '{word}ing'");

        Assert.Equal([video], await _http.SearchIdsAsync($"{word}s"));
        Assert.Equal([video], await _http.SearchIdsAsync(word));
    }

    [Fact]
    public async Task SearchIgnoresCaseAndAccentsInTitlesAndTags()
    {
        var word = DiscoveryClient.UniqueWord();
        var tag = DiscoveryClient.UniqueWord();
        var byTitle = NewId("v");
        var byTag = NewId("v");
        await _http.RegisterAsync(byTitle, NewId("c"), $"Café {word.ToUpperInvariant()}");
        await _http.RegisterAsync(byTag, NewId("c"), "Untitled", tag.ToUpperInvariant());

        // Each registration reaches the index on its own: wait for both.
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Contains(byTitle), "the lower-case word finds the upper-case title");
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(tag)).Contains(byTag), "the lower-case tag finds the upper-case tag");

        Assert.Equal([byTitle], await _http.SearchIdsAsync($"CAFE {word}", 1));
        Assert.Equal([byTag], await _http.SearchIdsAsync(tag));
        Assert.Equal([byTag], await _http.SearchIdsAsync(tag.ToUpperInvariant()));
        var item = (await _http.SearchAsync(tag)).Single();
        Assert.Equal("Untitled", (string)item["title"]!);
        Assert.Equal(tag.ToUpperInvariant(), (string)item["tags"]![0]!);
        Assert.True((double)item["score"]! > 0);
    }

    [Fact]
    public async Task RegisteredVideoIsSearchableWithinTwoSeconds()
    {
        var word = DiscoveryClient.UniqueWord();
        var video = NewId("v");

        await _http.RegisterAsync(video, NewId("c"), $"{word} fresh upload");
        var registered = Stopwatch.StartNew();
        while (!(await _http.SearchIdsAsync(word)).Contains(video))
        {
            Assert.True(registered.Elapsed < TimeSpan.FromSeconds(2), $"not searchable {registered.Elapsed.TotalMilliseconds:F0} ms after registration");
            await Task.Delay(20);
        }

        output.WriteLine($"searchable {registered.Elapsed.TotalMilliseconds:F0} ms after the registration's response");
        Assert.True(registered.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task TakenDownVideoLeavesSearchResultsAtOnce()
    {
        var word = DiscoveryClient.UniqueWord();
        var video = NewId("v");
        var kept = NewId("v");
        await _http.RegisterAsync(video, NewId("c"), $"{word} to be taken down", word);
        await _http.RegisterAsync(kept, NewId("c"), $"{word} stays", word);
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Count == 2, "both videos are searchable");

        var takedown = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/takedown");
        takedown.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(takedown)).StatusCode);

        // No waiting: the first search after the takedown's response no longer has it, nor does the tag page.
        Assert.Equal([kept], await _http.SearchIdsAsync(word));
        Assert.Equal([kept], (await _http.TagVideosAsync(word)).Select(i => (string)i["videoId"]!));
    }

    [Fact]
    public async Task BetterTextMatchRanksAboveMoreEngagedWeakerMatch()
    {
        var word = DiscoveryClient.UniqueWord();
        var second = DiscoveryClient.UniqueWord();
        var both = NewId("v");
        var popular = NewId("v");
        await _http.RegisterAsync(both, NewId("c"), $"{word} {second}");
        await _http.RegisterAsync(popular, NewId("c"), $"{word} basics");
        await LikeAsync(popular, 20);

        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Count == 2, "both are searchable");

        Assert.Equal([both, popular], await _http.SearchIdsAsync($"{word} {second}"));
    }

    [Fact]
    public async Task AmongEqualMatchesTheMoreEngagedVideoRanksFirst()
    {
        var word = DiscoveryClient.UniqueWord();
        // Two videos of one shard: equal titles then score exactly alike before engagement (BM25 statistics are per shard).
        var (quiet, engaged) = SameShardIds();
        await _http.RegisterAsync(quiet, NewId("c"), $"{word} tutorial");
        await _http.RegisterAsync(engaged, NewId("c"), $"{word} tutorial");
        await DiscoveryClient.EventuallyAsync(async () => (await _http.SearchIdsAsync(word)).Count == 2, "both are searchable");
        var before = await _http.SearchAsync(word);
        Assert.Equal((double)before[0]["score"]!, (double)before[1]["score"]!);

        await LikeAsync(engaged, 5);

        await DiscoveryClient.EventuallyAsync(
            async () => (await _http.SearchAsync(word)) is [var first, var next] && (string)first["videoId"]! == engaged && (double)first["score"]! > (double)next["score"]!,
            "the engaged video ranks first with a higher score");
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    [InlineData("q=%20%20%20")]
    [InlineData("q=a%00b")]
    [InlineData("q=a%E2%80%AEb")]
    [InlineData("q=knife&q=skills")]
    [InlineData("q=knife&count=0")]
    [InlineData("q=knife&count=101")]
    [InlineData("q=knife&count=-1")]
    [InlineData("q=knife&count=abc")]
    public async Task BadSearchParametersGetAProblem(string query)
    {
        var response = await _http.GetAsync($"/v1/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Contains("count", StringComparison.Ordinal) ? "count" : "q", out _));
    }

    [Fact]
    public async Task QueryOfOneHundredCharactersIsAcceptedAndOneMoreIsNot()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/v1/search?q={new string('a', 100)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/v1/search?q={Uri.EscapeDataString(new string('刀', 100))}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync($"/v1/search?q={new string('a', 101)}")).StatusCode);
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("***")]
    [InlineData("-")]
    [InlineData("a~99999999999999999999")]
    [InlineData("\"a b\"~99999999999999")]
    [InlineData("((((((((((a")]
    [InlineData("|||+++---")]
    [InlineData("\\")]
    [InlineData("title:knife AND tags:*")]
    [InlineData("😀👍🏽")]
    public async Task QuerySyntaxNeverFails(string query)
    {
        var response = await _http.GetAsync($"/v1/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task LikeAsync(string videoId, int users)
    {
        var events = Enumerable.Range(0, users).Select(_ => NewId("u")).SelectMany(u => new[] { View(u, videoId), Engage("like", u, videoId) }).ToArray();
        await _http.PostEventsAsync(events);
    }

    private static (string, string) SameShardIds()
    {
        var first = NewId("v");
        while (true)
        {
            var second = NewId("v");
            if (IdHash.Shard(second, 8) == IdHash.Shard(first, 8))
            {
                return (first, second);
            }
        }
    }
}
