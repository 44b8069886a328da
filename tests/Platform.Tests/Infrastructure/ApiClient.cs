using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Tests.Infrastructure;

/// <summary>Typed helpers over the HTTP contract, so tests read like the calls an app makes.</summary>
public static class ApiClient
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static async Task<HttpResponseMessage> RegisterVideoAsync(this HttpClient http, string videoId, string creatorId, int durationMs = 30_000, params string[] tags) =>
        await http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title = $"Video {videoId}", tags, durationMs });

    public static async Task<JsonObject> PostEventsAsync(this HttpClient http, params object[] events)
    {
        var response = await http.PostAsJsonAsync("/v1/events", new { events });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /v1/events answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static object View(string userId, string videoId, long watchMs = 10_000, string? eventId = null) =>
        new { eventId = eventId ?? NewId("e"), userId, videoId, type = "view", watchMs };

    public static object Engage(string type, string userId, string videoId, string? eventId = null) =>
        new { eventId = eventId ?? NewId("e"), userId, videoId, type };

    public static object Follow(string userId, string creatorId, string type = "follow", string? eventId = null) =>
        new { eventId = eventId ?? NewId("e"), userId, creatorId, type };

    public static async Task<JsonObject> GetJsonAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<List<JsonObject>> GetFeedAsync(this HttpClient http, string userId, int count = 10)
    {
        var feed = await http.GetJsonAsync($"/v1/users/{userId}/feed?count={count}");
        return feed["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
