using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Simulator;

/// <summary>The few gateway API calls the simulator makes (shared/API.md).</summary>
public sealed class PlatformClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RegisterVideoAsync(string videoId, string creatorId, string[] tags, int durationMs)
    {
        using var response = await http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title = videoId, tags, durationMs }, Json);
        response.EnsureSuccessStatusCode();
    }

    public async Task<FeedItem[]> GetFeedAsync(string userId, int count)
    {
        var feed = await http.GetFromJsonAsync<Feed>($"/v1/users/{userId}/feed?count={count}", Json);
        return feed?.Items ?? [];
    }

    public async Task PostEventsAsync(List<object> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        using var response = await http.PostAsJsonAsync("/v1/events", new { events }, Json);
        response.EnsureSuccessStatusCode();
    }

    public sealed record FeedItem(string VideoId, string CreatorId, double Score, string Source);

    private sealed record Feed(string UserId, string RequestId, FeedItem[] Items);
}
