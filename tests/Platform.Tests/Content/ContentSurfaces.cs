using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Discovery;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>
/// Every place the contract shows only published videos, read through one gateway: a new user's feed, a new
/// follower's following feed, search, the tag page; and whether the video takes an event. A video's title and tag
/// carry a word no other test uses, so search and the tag page find only it.
/// </summary>
public static class ContentSurfaces
{
    public const string Feed = "feed";
    public const string Following = "following";
    public const string Search = "search";
    public const string Tag = "tag";
    public const string Events = "events";

    public static readonly string[] All = [Feed, Following, Search, Tag, Events];

    /// <summary>Registers a video whose title and only tag are <paramref name="word"/>.</summary>
    public static async Task<string> RegisterAsync(HttpClient http, string videoId, string creatorId, string word)
    {
        var response = await http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title = $"{word} clip", tags = new[] { word }, durationMs = 30_000 });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration answered {(int)response.StatusCode}: {body}");
        return (string)System.Text.Json.Nodes.JsonNode.Parse(body)!["state"]!;
    }

    /// <summary>The surfaces that show the video now (fresh users each time: feeds leave out what a user was served or viewed).</summary>
    public static async Task<List<string>> WhereAsync(HttpClient http, string videoId, string creatorId, string word)
    {
        var seen = new List<string>();
        if ((await http.GetFeedAsync(NewId("u"), 100)).Exists(i => (string)i["videoId"]! == videoId))
        {
            seen.Add(Feed);
        }

        var follower = NewId("u");
        await http.PostEventsAsync(Follow(follower, creatorId));
        var following = await http.GetJsonAsync($"/v1/users/{follower}/following?count=100");
        if (following["items"]!.AsArray().Any(i => (string)i!["videoId"]! == videoId))
        {
            seen.Add(Following);
        }

        if ((await http.SearchIdsAsync(word, 100)).Contains(videoId))
        {
            seen.Add(Search);
        }

        if ((await http.TagVideosAsync(word, 100)).Exists(i => (string)i["videoId"]! == videoId))
        {
            seen.Add(Tag);
        }

        if ((int)(await http.PostEventsAsync(View(NewId("u"), videoId)))["accepted"]! == 1)
        {
            seen.Add(Events);
        }

        return seen;
    }

    /// <summary>Right after a move away from published: the video is on no surface, at the first look.</summary>
    public static async Task AssertNowhereAsync(HttpClient http, string videoId, string creatorId, string word, string when)
    {
        var seen = await WhereAsync(http, videoId, creatorId, word);
        Assert.True(seen.Count == 0, $"{when}: still on {string.Join(", ", seen)}");
    }

    /// <summary>
    /// After a move to published: feeds and events at the first look; search and the tag page within the contract's
    /// 2 s (their text index refreshes in the background).
    /// </summary>
    public static async Task AssertEverywhereAsync(HttpClient http, string videoId, string creatorId, string word, string when)
    {
        var first = await WhereAsync(http, videoId, creatorId, word);
        Assert.True(first.Contains(Feed) && first.Contains(Following) && first.Contains(Events), $"{when}: at once only on {string.Join(", ", first)}");
        var since = Stopwatch.StartNew();
        var seen = first;
        while (!(seen.Contains(Search) && seen.Contains(Tag)))
        {
            Assert.True(since.Elapsed < TimeSpan.FromSeconds(2), $"{when}: after 2 s only on {string.Join(", ", seen)}");
            await Task.Delay(50);
            seen = await WhereAsync(http, videoId, creatorId, word);
        }
    }
}
