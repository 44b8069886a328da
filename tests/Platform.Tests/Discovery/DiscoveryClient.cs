using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Discovery;

/// <summary>The discovery routes as an app calls them, and words no other test uses.</summary>
public static class DiscoveryClient
{
    private const string Consonants = "bdfglmnprtvz";
    private const string Vowels = "aeiou";

    /// <summary>
    /// A made-up English-looking word unique to this call (consonant-vowel pairs ending in "k"), so a search for it
    /// finds only this test's videos on a shared platform. Porter stemming takes "s", "ing" and "ed" off it and
    /// nothing else.
    /// </summary>
    public static string UniqueWord()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        var chars = new char[11];
        for (var i = 0; i < 5; i++)
        {
            chars[2 * i] = Consonants[bytes[i] % Consonants.Length];
            chars[(2 * i) + 1] = Vowels[bytes[i + 5] % Vowels.Length];
        }

        chars[10] = 'k';
        return new string(chars);
    }

    public static async Task RegisterAsync(this HttpClient http, string videoId, string creatorId, string title, params string[] tags)
    {
        var response = await http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title, tags, durationMs = 30_000 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<List<JsonObject>> SearchAsync(this HttpClient http, string query, int count = 20)
    {
        var body = await http.GetJsonAsync($"/v1/search?q={Uri.EscapeDataString(query)}&count={count}");
        Assert.Equal(query, (string)body["query"]!);
        return Items(body);
    }

    public static async Task<List<string>> SearchIdsAsync(this HttpClient http, string query, int count = 20) =>
        [.. (await http.SearchAsync(query, count)).Select(i => (string)i["videoId"]!)];

    public static async Task<List<JsonObject>> TagVideosAsync(this HttpClient http, string tag, int count = 20) =>
        Items(await http.GetJsonAsync($"/v1/tags/{Uri.EscapeDataString(tag)}/videos?count={count}"));

    public static async Task<List<JsonObject>> TrendingTagsAsync(this HttpClient http, int count = 10) =>
        Items(await http.GetJsonAsync($"/v1/trending/tags?count={count}"));

    /// <summary>Polls until the condition holds (catalog reports arrive about once a second), failing after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static List<JsonObject> Items(JsonObject body) => [.. body["items"]!.AsArray().Select(i => i!.AsObject())];
}
