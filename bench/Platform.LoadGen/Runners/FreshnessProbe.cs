using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HdrHistogram;

namespace Platform.LoadGen.Runners;

/// <summary>
/// Verifies, on a seeded catalog, that an acknowledged event changes the very next feed: per trial,
/// three new users view the same video; one then likes it, and as soon as the 202 arrives the liker
/// and a twin each fetch a feed. The trial passes when a video both feeds share (outside the explore
/// and fresh sources, whose scores may carry a random draw) scores differently. The two twins that did not like are compared too,
/// as the control: their scores must agree.
/// </summary>
public sealed class FreshnessProbe(LoadOptions options, HttpClient http, Dataset data)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task RunAsync()
    {
        var latency = new LongHistogram(60_000_000, 3);
        int changed = 0, controlChanged = 0, noOverlap = 0;
        for (var trial = 0; trial < options.Trials; trial++)
        {
            var (liker, twin, control) = (data.NewId("fu"), data.NewId("fu"), data.NewId("fu"));
            var video = data.PopularVideo(Random.Shared);
            var half = Dataset.DurationMs(video) / 2;
            await PostAsync(Event(liker, video, "view", half), Event(twin, video, "view", half), Event(control, video, "view", half));

            var started = Stopwatch.GetTimestamp();
            await PostAsync(Event(liker, video, "like", 0));
            var likerScores = await ScoresAsync(liker);
            latency.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds));
            var twinScores = await ScoresAsync(twin);
            var controlScores = await ScoresAsync(control);

            var common = likerScores.Keys.Where(twinScores.ContainsKey).ToList();
            if (common.Count == 0)
            {
                noOverlap++;
            }
            else if (common.Any(id => Math.Abs(likerScores[id] - twinScores[id]) > 1e-4))
            {
                changed++;
            }

            if (twinScores.Keys.Where(controlScores.ContainsKey).Any(id => Math.Abs(twinScores[id] - controlScores[id]) > 1e-4))
            {
                controlChanged++;
            }
        }

        Console.WriteLine();
        Console.WriteLine("== freshness ==");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"videos={options.Videos} trials={options.Trials} load={Measurement.ServerProbe.LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"next feed after the 202 changed scores: {changed}/{options.Trials - noOverlap} trials (no shared video to compare: {noOverlap})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"control twins (no like) differed: {controlChanged}/{options.Trials}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"like POST + next feed GET: p50={latency.GetValueAtPercentile(50) / 1000.0:F2} ms p99={latency.GetValueAtPercentile(99) / 1000.0:F2} ms max={latency.GetMaxValue() / 1000.0:F2} ms"));
    }

    private string Event(string user, int video, string type, int watchMs) => type == "view"
        ? $$"""{"eventId":"{{data.NewId("fe")}}","userId":"{{user}}","videoId":"{{data.VideoId(video)}}","type":"view","watchMs":{{watchMs}}}"""
        : $$"""{"eventId":"{{data.NewId("fe")}}","userId":"{{user}}","videoId":"{{data.VideoId(video)}}","type":"{{type}}"}""";

    private async Task PostAsync(params string[] events)
    {
        using var content = new StringContent($$"""{"events":[{{string.Join(',', events)}}]}""", Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("/v1/events", content);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202 || !body.Contains("\"rejected\":[]", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Events were not all applied ({(int)response.StatusCode}): {body}");
        }
    }

    private async Task<Dictionary<string, double>> ScoresAsync(string user)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"/v1/users/{user}/feed?count=100"));
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            // Exploration and fresh items may carry a Thompson sample (a random draw) in their score.
            if (item.GetProperty("source").GetString() is not ("explore" or "fresh"))
            {
                scores[item.GetProperty("videoId").GetString()!] = item.GetProperty("score").GetDouble();
            }
        }

        return scores;
    }
}
