using HdrHistogram;

namespace Platform.SearchBench;

/// <summary>A latency histogram (microsecond resolution) with the figures the report prints.</summary>
public sealed class Latencies(string name)
{
    private readonly LongHistogram _histogram = new(TimeSpan.FromMinutes(1).Ticks, 3);

    public string Name { get; } = name;

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan elapsed) => _histogram.RecordValue(Math.Max(1, elapsed.Ticks));

    public double Percentile(double p) => _histogram.GetValueAtPercentile(p) / (double)TimeSpan.TicksPerMillisecond;

    public string Row() =>
        $"| {Name} | {Count:N0} | {Percentile(50):F3} | {Percentile(99):F3} | {_histogram.GetMaxValue() / (double)TimeSpan.TicksPerMillisecond:F3} |";

    public static void PrintHeader()
    {
        Console.WriteLine("| measured | samples | p50 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    }
}
