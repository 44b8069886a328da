using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>
/// Seeds a data set through the public API: registers <c>videos</c> videos (parallel single
/// registrations, idempotent, so a seed can be re-run), then activates <c>users</c> users with a few
/// views each in batches of 1000 events. Prints the rates and, given the server pid, the memory each
/// step added.
/// </summary>
public sealed class Seeder(LoadOptions options, HttpClient http, Dataset data, ServerProbe server)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task RunAsync()
    {
        if (options.Videos > 0)
        {
            await StepAsync($"register {options.Videos} videos", options.Videos, "videos", RegisterVideosAsync);
        }

        if (options.Users > 0 && options.SeedUsersWith == "reads")
        {
            await StepAsync($"activate {options.Users} users by reads", options.Users, "users", ReadUsersAsync);
        }
        else if (options.Users > 0 && options.SeedEventsPerUser > 0)
        {
            await StepAsync($"activate {options.Users} users", options.Users, "users", ActivateUsersAsync);
        }
    }

    private async Task StepAsync(string title, int items, string unit, Func<Task<long>> step)
    {
        var before = server.Memory();
        var heapBefore = await server.GcHeapAsync();
        var started = Stopwatch.GetTimestamp();
        var errors = await step();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Let the server's GC catch up before reading its memory.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = server.Memory();
        var heapAfter = await server.GcHeapAsync();
        var memory = before is { } b && after is { } a
            ? string.Create(CultureInfo.InvariantCulture, $" rss {ServerProbe.Mib(b.Rss)} -> {ServerProbe.Mib(a.Rss)} ({(a.Rss - b.Rss) / (double)items:F0} bytes per {unit[..^1]}), peak {ServerProbe.Mib(a.Peak)}")
            : "";
        if (heapBefore is { } hb && heapAfter is { } ha)
        {
            memory += string.Create(CultureInfo.InvariantCulture, $"; gc heap {ServerProbe.Mib(hb)} -> {ServerProbe.Mib(ha)} ({(ha - hb) / (double)items:F0} bytes per {unit[..^1]})");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {title}: {seconds:F1}s, {items / seconds:F0} {unit}/s, errors={errors}{memory} load={ServerProbe.LoadAverage()}"));
    }

    private Task<long> RegisterVideosAsync() =>
        ForEachItemAsync(options.Videos, "videos", async (index, ct) =>
            await RegistrationScenario.RegisterAsync(http, data, data.VideoId(index), index, ct) is 200 or 201);

    private Task<long> ReadUsersAsync() =>
        ForEachItemAsync(options.Users, "users", async (index, ct) =>
        {
            using var response = await http.GetAsync($"/v1/users/{data.UserId(index)}", ct);
            return response.IsSuccessStatusCode;
        });

    /// <summary>Runs <paramref name="attempt"/> (with retries) for items 0..count-1 in parallel; returns how many failed.</summary>
    private async Task<long> ForEachItemAsync(int count, string unit, Func<int, CancellationToken, Task<bool>> attempt)
    {
        long errors = 0, done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = options.SeedConcurrency },
            async (index, ct) =>
            {
                if (!await WithRetriesAsync(() => attempt(index, ct)))
                {
                    Interlocked.Increment(ref errors);
                }

                Progress(Interlocked.Increment(ref done), count, unit);
            });
        return errors;
    }

    private async Task<long> ActivateUsersAsync()
    {
        var perUser = Math.Min(options.SeedEventsPerUser, 1000);
        var usersPerBatch = 1000 / perUser;
        var batches = (options.Users + usersPerBatch - 1) / usersPerBatch;
        long errors = 0, done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.SeedConcurrency / 8) },
            async (batch, ct) =>
            {
                var first = batch * usersPerBatch;
                var last = Math.Min(options.Users, first + usersPerBatch);
                var events = new List<EventBodies.Engagement>((last - first) * perUser);
                for (var u = first; u < last; u++)
                {
                    for (var k = 0; k < perUser; k++)
                    {
                        var video = data.PopularVideo(Random.Shared);
                        events.Add(new EventBodies.Engagement(data.UserId(u), video, "view", Dataset.DurationMs(video) / 2));
                    }
                }

                var body = EventBodies.Write(data, [.. events]);
                if (!await WithRetriesAsync(async () =>
                    {
                        using var content = new ByteArrayContent(body);
                        content.Headers.ContentType = Json;
                        using var response = await http.PostAsync("/v1/events", content, ct);
                        return (int)response.StatusCode == 202;
                    }))
                {
                    Interlocked.Increment(ref errors);
                }

                Progress(Interlocked.Add(ref done, last - first), options.Users, "users");
            });
        return errors;
    }

    private static async Task<bool> WithRetriesAsync(Func<Task<bool>> attempt)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                if (await attempt())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            await Task.Delay(100 * (i + 1));
        }

        return false;
    }

    private static void Progress(long done, long total, string unit)
    {
        var step = Math.Max(1, total / 10);
        if (done % step == 0 || done == total)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done}/{total} {unit} ({DateTime.UtcNow:HH:mm:ss})"));
        }
    }
}
