using System.Diagnostics;
using System.Globalization;

namespace Platform.LoadGen.Measurement;

/// <summary>
/// The soak's memory curve: the server's resident memory sampled at a fixed period over the whole run, and the
/// verdict whether it stays flat after the warm-up. Flat means the mean of the last quarter of the measured samples
/// is at most <c>maxGrowth</c> above the mean of the first quarter; a leak grows steadily and fails that however
/// noisy the garbage collector makes single samples. With <c>liveHeap</c>, each sample first makes the server run a
/// full garbage collection and records the heap after it (the live heap), which must stay flat too: resident memory
/// alone follows the collector's budget, and a slow leak hides in its sawtooth for a long time.
/// </summary>
public sealed class MemoryTrend(ServerProbe server, TimeSpan period, bool liveHeap = false)
{
    private readonly List<(double Seconds, long Rss, long? Heap)> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private double _measuredFrom;

    public IReadOnlyList<(double Seconds, long Rss, long? Heap)> Samples => _samples;

    /// <summary>Samples until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SampleAsync();
            try
            {
                await Task.Delay(period, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await SampleAsync();
    }

    private async Task SampleAsync()
    {
        if (server.Memory() is { } memory)
        {
            var heap = liveHeap ? await server.LiveHeapAsync() : await server.GcHeapAsync();
            lock (_samples)
            {
                _samples.Add((Stopwatch.GetElapsedTime(_started).TotalSeconds, memory.Rss, heap));
            }
        }
    }

    /// <summary>Marks the end of the warm-up: samples before it do not count for the verdict.</summary>
    public void WarmUpEnded() => _measuredFrom = Stopwatch.GetElapsedTime(_started).TotalSeconds;

    /// <summary>Prints the curve and the verdict; returns whether memory stayed flat.</summary>
    public bool PrintReport(double maxGrowth, double maxHeapGrowth = double.PositiveInfinity)
    {
        Console.WriteLine();
        Console.WriteLine("== soak memory (server rss) ==");
        Console.WriteLine(liveHeap ? "   t s    rss MiB   heap MiB (live: after a full GC)" : "   t s    rss MiB   heap MiB (managed, after last GC)");
        var step = Math.Max(1, _samples.Count / 40);
        for (var i = 0; i < _samples.Count; i += step)
        {
            var (seconds, rss, heap) = _samples[i];
            var heapText = heap is { } h ? (h / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds,6:F0} {rss / 1048576.0,10:F0} {heapText,10}{(seconds < _measuredFrom ? "  (warm-up)" : "")}"));
        }

        var measured = _samples.Where(s => s.Seconds >= _measuredFrom).ToList();
        if (measured.Count < 8)
        {
            Console.WriteLine($"soak memory: only {measured.Count} samples after the warm-up; no verdict");
            return false;
        }

        var quarter = measured.Count / 4;
        var first = measured.Take(quarter).Average(s => (double)s.Rss);
        var last = measured.Skip(measured.Count - quarter).Average(s => (double)s.Rss);
        var growth = (last - first) / first;
        var minutes = (measured[^1].Seconds - measured[0].Seconds) / 60;
        var slope = minutes > 0 ? (measured[^1].Rss - measured[0].Rss) / 1048576.0 / minutes : 0;
        var flat = growth <= maxGrowth;
        var heaps = measured.Where(s => s.Heap is not null).Select(s => (double)s.Heap!.Value).ToList();
        if (heaps.Count >= 8)
        {
            var q = heaps.Count / 4;
            var heapFirst = heaps.Take(q).Average();
            var heapLast = heaps.Skip(heaps.Count - q).Average();
            var heapGrowth = (heapLast - heapFirst) / heapFirst;
            var heapFlat = !liveHeap || heapGrowth <= maxHeapGrowth;
            flat &= heapFlat;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak {(liveHeap ? "live heap (after a full GC)" : "managed heap after GC")}: first quarter {heapFirst / 1048576:F0} MiB, last quarter {heapLast / 1048576:F0} MiB, growth {heapGrowth * 100:F1}%{(liveHeap ? string.Create(CultureInfo.InvariantCulture, $" (limit {maxHeapGrowth * 100:F0}%): {(heapFlat ? "flat" : "GROWING")}") : "")}"));
        }
        else if (liveHeap)
        {
            Console.WriteLine($"soak live heap: only {heaps.Count} samples after the warm-up (no diagnostics port or /metrics?); no verdict");
            flat = false;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak memory: first quarter {first / 1048576:F0} MiB, last quarter {last / 1048576:F0} MiB, growth {growth * 100:F1}% (limit {maxGrowth * 100:F0}%), end-to-end {slope:F1} MiB/min, peak {measured.Max(s => s.Rss) / 1048576.0:F0} MiB: {(growth <= maxGrowth ? "flat" : "GROWING")}"));
        return flat;
    }
}
