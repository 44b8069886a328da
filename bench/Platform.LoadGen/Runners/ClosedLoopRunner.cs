using System.Diagnostics;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>Closed loop: <c>concurrency</c> workers, each sending its next request as soon as the last one answers; finds the maximum throughput.</summary>
public sealed class ClosedLoopRunner(LoadOptions options, HttpClient http, ScenarioMix mix, RunStatistics stats)
{
    public Task RunAsync() => RunClock.RunAsync(options, stats, stop =>
        Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None))));

    private async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var scenario = mix.Next(Random.Shared);
            var started = Stopwatch.GetTimestamp();
            var outcome = await RequestRunner.RunAsync(scenario, http);
            stats.Record(scenario, RequestRunner.MicrosSince(started), outcome);
        }
    }
}
