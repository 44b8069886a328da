using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.LoadGen.Scenarios;

/// <summary>A creator uploads: <c>POST /v1/videos</c> with a new id (the catalog grows during the run).</summary>
public sealed class RegistrationScenario(Dataset data) : IScenario
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public string Name => "register";

    public string Unit => "requests";

    public async Task<Outcome> RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var index = Random.Shared.Next(data.Videos);
        var status = await RegisterAsync(http, data, data.NewId("v"), index, cancellationToken);
        return new Outcome(status is 200 or 201, status, 1);
    }

    /// <summary>Registers one video, its creator and tags taken from <paramref name="index"/>; returns the status.</summary>
    public static async Task<int> RegisterAsync(HttpClient http, Dataset data, string videoId, int index, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            videoId,
            creatorId = data.CreatorId(index),
            title = $"Video {index}",
            tags = data.Tags(index),
            durationMs = Dataset.DurationMs(index),
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("/v1/videos", content, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (int)response.StatusCode;
    }
}
