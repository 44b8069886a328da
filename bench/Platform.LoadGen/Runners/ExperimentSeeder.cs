using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Platform.LoadGen.Runners;

/// <summary>
/// Starts <c>experiments</c> running A/B experiments (<c>--mode experiments</c>, needs <c>--admin-key</c>): each a
/// 50/50 split of every user between the default feed and a variant with a smaller explore share, so every feed and
/// event of the run is assigned and attributed in each of them. Ids are fixed by index: a re-run answers 200 and
/// changes nothing, <c>--experiments 3</c> after <c>--experiments 1</c> adds two, and the ones from the count up to
/// <see cref="MaxExperiments"/> are stopped (so <c>--experiments 0</c> stops them all).
/// </summary>
public sealed class ExperimentSeeder(LoadOptions options, HttpClient http)
{
    public const int MaxExperiments = 10;

    public async Task RunAsync()
    {
        long errors = 0;
        var started = Stopwatch.GetTimestamp();
        for (var index = 0; index < options.Experiments; index++)
        {
            var body = new
            {
                experimentId = string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-exp{index}"),
                variants = new object[]
                {
                    new { name = "control", weight = 50, settings = new { } },
                    new { name = "lessExplore", weight = 50, settings = new Dictionary<string, object> { ["Feed:ExploreShare"] = 0.05 } },
                },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/experiments") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", options.AdminKey);
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode is not (200 or 201))
            {
                errors++;
            }
        }

        for (var index = options.Experiments; index < MaxExperiments; index++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/v1/admin/experiments/{options.Prefix}-exp{index}/stop");
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Add("X-Api-Key", options.AdminKey);
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode is not (200 or 404))
            {
                errors++;
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Silos reload the running list every Platform:Experiments:RefreshInterval (2 s): wait before measuring.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"experiments: {options.Experiments} running, created in {seconds:F1}s, errors={errors}"));
    }
}
