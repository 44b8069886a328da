using Platform.LoadGen.Measurement;

namespace Platform.LoadGen.Runners;

/// <summary>The phases every load run shares: warm-up (discarded), measured duration, progress lines.</summary>
public static class RunClock
{
    /// <summary>Runs <paramref name="load"/> until warm-up plus duration elapse, resetting the statistics after the warm-up.</summary>
    public static async Task RunAsync(LoadOptions options, RunStatistics stats, Func<CancellationToken, Task> load)
    {
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => load(stop.Token));
        if (options.Warmup > TimeSpan.Zero)
        {
            Console.WriteLine($"warm-up {options.Warmup.TotalSeconds:F0}s ...");
            await Task.Delay(options.Warmup);
        }

        stats.Restart();
        var end = DateTime.UtcNow + options.Duration;
        while (DateTime.UtcNow < end)
        {
            var left = end - DateTime.UtcNow;
            var step = options.Interval > TimeSpan.Zero && options.Interval < left ? options.Interval : left;
            if (step > TimeSpan.Zero)
            {
                await Task.Delay(step);
            }

            if (options.Interval > TimeSpan.Zero)
            {
                stats.PrintInterval();
            }
        }

        await stop.CancelAsync();
        await running;
    }
}
