using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.LoadGen.Scenarios;

/// <summary>
/// A collector flushing engagement: <c>POST /v1/events</c> with <c>batch</c> events of random users on
/// popularity-skewed videos (or, with <c>hot</c>, only on a handful of hot videos).
/// </summary>
public sealed class EventBatchScenario(Dataset data, int batch, int hotVideos = 0) : IScenario
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public string Name => hotVideos > 0 ? "hot" : "events";

    public string Unit => "events";

    public async Task<Outcome> RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var random = Random.Shared;
        var events = new EventBodies.Engagement[batch];
        for (var i = 0; i < events.Length; i++)
        {
            var video = hotVideos > 0 ? random.Next(Math.Min(hotVideos, data.Videos)) : data.PopularVideo(random);
            events[i] = EventBodies.Random(data, random, data.UserId(data.AnyUser(random)), video);
        }

        using var content = new ByteArrayContent(EventBodies.Write(data, events));
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("/v1/events", content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if ((int)response.StatusCode != 202)
        {
            return new Outcome(false, (int)response.StatusCode, 0);
        }

        // Only applied events count: a rejected event means the data set is not seeded.
        using var answer = JsonDocument.Parse(body);
        var applied = answer.RootElement.GetProperty("accepted").GetInt32() + answer.RootElement.GetProperty("duplicates").GetInt32();
        return new Outcome(applied == batch, 202, applied);
    }
}
