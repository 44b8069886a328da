using System.Globalization;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>
/// The soak: an open-loop run of the mix for a long duration while the server's memory is sampled, then the latency
/// report, the memory curve and a verdict. Exit code 0 only when no request failed and memory stayed flat after the
/// warm-up (see <see cref="MemoryTrend"/>); 1 otherwise.
/// </summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(LoadOptions options, HttpClient http, Dataset data, ServerProbe server)
    {
        if (!server.HasServer)
        {
            Console.Error.WriteLine("soak needs --server-pid to watch the server's memory.");
            return 2;
        }

        var mix = ScenarioMix.Parse(options.Mix, options, data);
        var stats = new RunStatistics(mix.Scenarios, server);
        var total = options.Warmup + options.Duration;
        // A live-heap sample costs the server a full collection: at most one per 5 s.
        var period = options.SamplePeriod ?? TimeSpan.FromSeconds(Math.Max(options.LiveHeap ? 5 : 2, total.TotalSeconds / 90));
        var trend = new MemoryTrend(server, period, options.LiveHeap);
        using var stop = new CancellationTokenSource();
        var sampling = trend.RunAsync(stop.Token);
        var warmUp = Task.Delay(options.Warmup).ContinueWith(_ => trend.WarmUpEnded(), TaskScheduler.Default);

        await new OpenLoopRunner(options, http, mix, stats).RunAsync();
        await warmUp;
        await stop.CancelAsync();
        await sampling;

        await stats.PrintReportAsync($"soak, offered {options.Rate} req/s for {options.Duration.TotalMinutes:F1} min", options);
        var flat = trend.PrintReport(options.MaxMemoryGrowth, options.MaxHeapGrowth);
        var errors = stats.Errors;
        var pass = flat && errors == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak verdict: {(pass ? "PASS" : "FAIL")} (errors={errors}, memory {(flat ? "flat" : "not flat")})"));
        return pass ? 0 : 1;
    }
}
