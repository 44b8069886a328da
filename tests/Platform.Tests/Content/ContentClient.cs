using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Content;

/// <summary>The content routes as an app and an operator call them.</summary>
public static class ContentClient
{
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient http, string videoId, string creatorId, ulong? fingerprint, string? title = null) =>
        http.PostAsJsonAsync("/v1/videos", new
        {
            videoId, creatorId, title = title ?? $"Video {videoId}", tags = new[] { "content" }, durationMs = 30_000,
            fingerprint = fingerprint?.ToString("x16"),
        });

    public static async Task<JsonObject> RegisterJsonAsync(this HttpClient http, string videoId, string creatorId, ulong? fingerprint = null)
    {
        var response = await http.RegisterAsync(videoId, creatorId, fingerprint);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static Task<HttpResponseMessage> AdminAsync(this HttpClient http, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", PlatformServerFixture.AdminKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient http, string videoId, string action, string? note = null) =>
        http.AdminAsync(HttpMethod.Post, $"/v1/admin/videos/{videoId}/{action}", note is null ? null : new { note });

    public static async Task<JsonObject> AdminJsonAsync(this HttpClient http, string path)
    {
        var response = await http.AdminAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static Task<HttpResponseMessage> ReportAsync(this HttpClient http, string videoId, string userId, string reason = "spam") =>
        http.PostAsJsonAsync($"/v1/videos/{videoId}/reports", new { userId, reason });

    public static Task<HttpResponseMessage> CommentAsync(this HttpClient http, string videoId, string commentId, string userId, string text, string? parentId = null) =>
        http.PostAsJsonAsync($"/v1/videos/{videoId}/comments", new { commentId, userId, text, parentId });

    public static async Task<string> StateAsync(this HttpClient http, string videoId) =>
        (string)(await http.GetJsonAsync($"/v1/videos/{videoId}"))["state"]!;

    /// <summary>Ids of the moderation queue entries among <paramref name="ours"/> (the platform is shared with other tests).</summary>
    public static async Task<List<JsonObject>> QueueOfAsync(this HttpClient http, params string[] ours)
    {
        var queue = await http.AdminJsonAsync("/v1/admin/moderation/queue?count=500");
        return queue["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => ours.Contains((string)i["videoId"]!)).ToList();
    }

    /// <summary>A fingerprint <paramref name="distance"/> bits away from <paramref name="original"/> (distinct bits chosen by the seed).</summary>
    public static ulong Flip(ulong original, int distance, int seed)
    {
        var random = new Random(seed);
        var bits = Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(distance);
        return bits.Aggregate(original, (code, bit) => code ^ (1UL << bit));
    }

    public static ulong RandomFingerprint(Random random) => (ulong)random.NextInt64(long.MinValue, long.MaxValue);
}
