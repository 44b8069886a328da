using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Simulator;

/// <summary>
/// An A/B experiment on the simulated traffic, through the admin API: before the first round it creates
/// the experiments, after each round it reads their reports. <c>ranker</c>: the full ranker (control)
/// against a trending-only variant and a variant without exploration slots; the summary says after how
/// many rounds each variant's like rate differs from the control's at p &lt; 0.01. <c>aa</c>: twenty A/A
/// experiments (two identical variants each, split by independent hashes): the summary counts how many
/// end at p &gt; 0.05, which an honest test does for about 19 of 20.
/// </summary>
public sealed class ExperimentRun(HttpClient http, string adminKey, string mode, string runId)
{
    public const int AaExperiments = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, int> _firstSignificantRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?> _lastPValue = new(StringComparer.Ordinal);

    private IEnumerable<string> ExperimentIds => mode == "aa"
        ? Enumerable.Range(0, AaExperiments).Select(i => $"{runId}-aa{i}")
        : [$"{runId}-ranker"];

    public async Task StartAsync()
    {
        foreach (var id in ExperimentIds)
        {
            object[] variants = mode == "aa"
                ? [new { name = "a", weight = 50, settings = new { } }, new { name = "b", weight = 50, settings = new { } }]
                :
                [
                    new { name = "full", weight = 34, settings = new Dictionary<string, object>() },
                    new { name = "trendingOnly", weight = 33, settings = new Dictionary<string, object> { ["Feed:Sources"] = new[] { "trending" }, ["Feed:ExploreShare"] = 0 } },
                    new { name = "noExplore", weight = 33, settings = new Dictionary<string, object> { ["Feed:ExploreShare"] = 0 } },
                ];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/experiments")
            {
                Content = JsonContent.Create(new { experimentId = id, variants }, options: Json),
            };
            request.Headers.Add("X-Api-Key", adminKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        // Silos pick up the running list within Platform:Experiments:RefreshInterval (2 s by default).
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    /// <summary>Reads every experiment's report after <paramref name="round"/> and prints one line per variant.</summary>
    public async Task RoundAsync(int round, TextWriter output)
    {
        // Counts reach the experiments on the silos' flush interval (1 s by default).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        foreach (var id in ExperimentIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/admin/experiments/{id}");
            request.Headers.Add("X-Api-Key", adminKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var report = await response.Content.ReadFromJsonAsync<Report>(Json);
            foreach (var v in report!.Variants)
            {
                var key = $"{id}/{v.Name}";
                _lastPValue[key] = v.PValueVsControl;
                if (v.PValueVsControl < 0.01 && !_firstSignificantRound.ContainsKey(key))
                {
                    _firstSignificantRound[key] = round;
                }

                if (mode != "aa")
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"experiment\t{round}\t{v.Name}\tusers={v.Users}\timpressions={v.Impressions}\tlikeRate={v.LikeRate:F4}\tci=[{v.LikeRateCi95[0]:F4},{v.LikeRateCi95[1]:F4}]\tp={(v.PValueVsControl is { } p ? p.ToString("F5", CultureInfo.InvariantCulture) : "control")}"));
                }
            }
        }
    }

    public string Summary()
    {
        var text = new StringBuilder();
        if (mode == "aa")
        {
            var finals = _lastPValue.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToArray();
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"aaExperiments\": {finals.Length}, \"aaAboveP05\": {finals.Count(p => p > 0.05)}, \"aaPValues\": [{string.Join(", ", finals.Select(p => p.ToString("F3", CultureInfo.InvariantCulture)))}]}}");
        }
        else
        {
            var rounds = _lastPValue.Keys.Where(k => _lastPValue[k] is not null)
                .Select(k => $"\"{k[(k.IndexOf('/') + 1)..]}\": {(_firstSignificantRound.TryGetValue(k, out var r) ? r.ToString(CultureInfo.InvariantCulture) : "null")}");
            text.Append($"{{\"roundsUntilP01\": {{{string.Join(", ", rounds)}}}}}");
        }

        return text.ToString();
    }

    private sealed record Report(string ExperimentId, Variant[] Variants);

    private sealed record Variant(string Name, long Users, long Impressions, double LikeRate, double[] LikeRateCi95, double? PValueVsControl);
}
