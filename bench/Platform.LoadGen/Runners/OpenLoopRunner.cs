using System.Diagnostics;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>
/// Open loop: requests start on a fixed schedule at the offered rate whatever the server does, and
/// each latency is measured from the request's scheduled start, so a stalled server shows up in the
/// percentiles (no coordinated omission).
/// </summary>
public sealed class OpenLoopRunner(LoadOptions options, HttpClient http, ScenarioMix mix, RunStatistics stats)
{
    private long _inFlight;

    public Task RunAsync() => RunClock.RunAsync(options, stats, ScheduleAsync);

    private async Task ScheduleAsync(CancellationToken stop)
    {
        var ticksPerRequest = Stopwatch.Frequency / options.Rate;
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)((Stopwatch.GetTimestamp() - start) / ticksPerRequest);
            for (; sent < due; sent++)
            {
                var scenario = mix.Next(Random.Shared);
                if (Interlocked.Read(ref _inFlight) >= options.MaxInFlight)
                {
                    stats.RecordDrop(scenario);
                    continue;
                }

                Interlocked.Increment(ref _inFlight);
                _ = SendAsync(scenario, start + (long)(sent * ticksPerRequest));
            }

            await Task.Delay(1, CancellationToken.None);
        }

        while (Interlocked.Read(ref _inFlight) > 0)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private async Task SendAsync(IScenario scenario, long scheduled)
    {
        try
        {
            var outcome = await RequestRunner.RunAsync(scenario, http);
            stats.Record(scenario, RequestRunner.MicrosSince(scheduled), outcome);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
