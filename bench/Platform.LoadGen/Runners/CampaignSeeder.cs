using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Platform.LoadGen.Runners;

/// <summary>
/// Creates <c>campaigns</c> running ad campaigns on seeded videos (<c>--mode campaigns</c>, needs <c>--admin-key</c>):
/// bids from 100 to 2,000 cents per mille, budgets far larger than a benchmark spends, half targeted at one tag of the
/// data set, half at everyone. Campaign ids are fixed by index, so a re-run answers 200 and changes nothing.
/// With <c>--campaign-seconds N</c> they end N seconds after creation (paced over that time).
/// </summary>
public sealed class CampaignSeeder(LoadOptions options, HttpClient http, Dataset data)
{
    public async Task RunAsync()
    {
        long errors = 0;
        var started = Stopwatch.GetTimestamp();
        var endsAt = options.CampaignSeconds > 0
            ? DateTimeOffset.UtcNow.AddSeconds(options.CampaignSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Campaigns),
            new ParallelOptions { MaxDegreeOfParallelism = options.SeedConcurrency },
            async (index, ct) =>
            {
                var video = (int)((uint)index * 2654435761u % (uint)data.Videos);
                var random = new Random(index);
                var body = new
                {
                    campaignId = string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-cmp{index}"),
                    advertiserId = string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-adv{index % 50}"),
                    videoId = data.VideoId(video),
                    budgetCents = 10_000_000,
                    bidCpmCents = 100 + random.Next(1_901),
                    targetTags = index % 2 == 0 ? new[] { data.Tags(random.Next(data.Videos))[0] } : null,
                    endsAt = endsAt,
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/campaigns") { Content = JsonContent.Create(body) };
                request.Headers.Add("X-Api-Key", options.AdminKey);
                using var response = await http.SendAsync(request, ct);
                if ((int)response.StatusCode is not (200 or 201))
                {
                    Interlocked.Increment(ref errors);
                }
            });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Every silo reads the directory every few seconds and takes its first slices: wait for that before measuring.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaigns: {options.Campaigns} created in {seconds:F1}s, errors={errors}"));
    }
}
