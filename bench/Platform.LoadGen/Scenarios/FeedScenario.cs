using System.Globalization;

namespace Platform.LoadGen.Scenarios;

/// <summary>A seeded user opens the app: <c>GET /v1/users/{id}/feed</c>.</summary>
public sealed class FeedScenario(Dataset data, int count) : IScenario
{
    public string Name => "feed";

    public string Unit => "requests";

    public async Task<Outcome> RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var user = data.UserId(data.AnyUser(Random.Shared));
        using var response = await http.GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"/v1/users/{user}/feed?count={count}"),
            HttpCompletionOption.ResponseContentRead,
            cancellationToken);
        // Read the body so the measured latency includes the whole page.
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var ok = response.IsSuccessStatusCode;
        return new Outcome(ok, (int)response.StatusCode, 1);
    }
}
