using System.Diagnostics;
using HdrHistogram;

namespace Platform.AnalyticsBench;

/// <summary>Workers that each send the next request when the last one answered; counts answers, latency, CPU and allocations.</summary>
public static class ClosedLoop
{
    /// <summary>
    /// Measured-window throughput and latency; per-CPU-second and allocated bytes over the whole loop (warm-up too), from
    /// this process's CPU time and allocation counter (the platform and the load generator together).
    /// </summary>
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, long Failures, double RequestsPerCpuSecond, double BytesPerRequest);

    public static async Task<Result> RunAsync(int concurrency, TimeSpan warmup, TimeSpan measured, Func<long, Task<bool>> send)
    {
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);
        long ok = 0, failed = 0, sequence = 0, all = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end)
                {
                    return;
                }

                var success = await send(Interlocked.Increment(ref sequence));
                var done = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref all);
                if (sent >= measureFrom && done <= end)
                {
                    if (success)
                    {
                        Interlocked.Increment(ref ok);
                        histogram.RecordValue(done - sent);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }
        })));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
        return new Result(ok / measured.TotalSeconds, Ms(50), Ms(99), failed, all / cpu, (double)allocated / all);
    }
}
