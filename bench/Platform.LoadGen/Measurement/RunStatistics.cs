using System.Diagnostics;
using System.Globalization;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Measurement;

/// <summary>The statistics of one run: one <see cref="ScenarioStats"/> per scenario, progress lines and the final report.</summary>
public sealed class RunStatistics
{
    private readonly Dictionary<IScenario, ScenarioStats> _byScenario = new(ReferenceEqualityComparer.Instance);
    private readonly ServerProbe _server;
    private readonly GcPauseRecorder? _gcPauses;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _intervalStarted;
    private double? _cpuAtStart;
    private double? _cpuAtInterval;
    private long _dropped;

    public RunStatistics(IEnumerable<IScenario> scenarios, ServerProbe server)
    {
        foreach (var scenario in scenarios)
        {
            _byScenario[scenario] = new ScenarioStats(scenario.Name, scenario.Unit);
        }

        _server = server;
        _gcPauses = server.StartGcPauses();
        Restart();
    }

    /// <summary>Open loop only: due requests not sent because too many were in flight.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts measuring from now (after a warm-up): counters of the warm-up are discarded.</summary>
    public void Restart()
    {
        foreach (var stats in _byScenario.Values)
        {
            stats.Reset();
        }

        _intervalStarted = Stopwatch.GetTimestamp();
        _cpuAtStart = _cpuAtInterval = _server.CpuSeconds();
        Interlocked.Exchange(ref _dropped, 0);
        _gcPauses?.Reset();
        MeasuredFrom = Stopwatch.GetTimestamp();
    }

    public long MeasuredFrom { get; private set; } = Stopwatch.GetTimestamp();

    /// <summary>Failed requests (errors and drops) of every scenario since the last <see cref="Restart"/>.</summary>
    public long Errors => _byScenario.Values.Sum(s => s.Total().Errors);

    public void Record(IScenario scenario, long micros, Outcome outcome)
    {
        _byScenario[scenario].Record(micros, outcome.Ok, outcome.Status, outcome.Units);
    }

    public void RecordDrop(IScenario scenario)
    {
        Interlocked.Increment(ref _dropped);
        _byScenario[scenario].Record(1, false, -1, 0);
    }

    /// <summary>Prints one line per scenario for the interval just ended.</summary>
    public void PrintInterval()
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Stopwatch.GetElapsedTime(_intervalStarted, now).TotalSeconds;
        _intervalStarted = now;
        var cpu = _server.CpuSeconds();
        var cpuShare = cpu is { } c && _cpuAtInterval is { } c0 ? $" server-cpu={(c - c0) / seconds:F2}cores" : "";
        _cpuAtInterval = cpu;
        var memory = _server.Memory() is { } m ? $" rss={ServerProbe.Mib(m.Rss)}" : "";
        var at = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        foreach (var stats in _byScenario.Values)
        {
            var s = stats.TakeInterval();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{at,6:F0}s] {stats.Name,-8} {s.Requests / seconds,9:F0} req/s {s.Units / seconds,9:F0} {stats.Unit}/s p50={s.P50:F2} p99={s.P99:F2} max={s.Max:F1} ms errors={s.Errors}{memory}{cpuShare} load={ServerProbe.LoadAverage()}"));
        }
    }

    /// <summary>Prints the final report: per scenario throughput, latency percentiles, errors; server memory, CPU and GC pauses.</summary>
    public async Task PrintReportAsync(string title, LoadOptions options)
    {
        var heap = await _server.GcHeapAsync();
        var seconds = Stopwatch.GetElapsedTime(MeasuredFrom).TotalSeconds;
        var cpu = _server.CpuSeconds() is { } c && _cpuAtStart is { } c0 ? (c - c0) / seconds : (double?)null;
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"url={options.Url} mix={options.Mix} videos={options.Videos} users={options.Users} measured={seconds:F1}s load={ServerProbe.LoadAverage()}"));
        Console.WriteLine("scenario      requests   req/s     units/s   p50 ms   p90 ms   p99 ms  p99.9 ms   max ms   errors");
        foreach (var stats in _byScenario.Values)
        {
            var s = stats.Total();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{stats.Name,-10} {s.Requests,11} {s.Requests / seconds,7:F0} {s.Units / seconds,11:F0} {s.P50,8:F2} {s.P90,8:F2} {s.P99,8:F2} {s.P999,9:F2} {s.Max,8:F1} {s.Errors,8}   ({stats.Unit}; {stats.Statuses()})"));
        }

        if (Dropped > 0)
        {
            Console.WriteLine($"dropped (not sent, too many in flight): {Dropped}");
        }

        if (_server.Memory() is { } m)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server: rss={ServerProbe.Mib(m.Rss)} peak={ServerProbe.Mib(m.Peak)} cpu={cpu:F2} cores"));
        }

        if (heap is { } h)
        {
            Console.WriteLine($"server: gc heap after last collection={ServerProbe.Mib(h)}");
        }

        if (_gcPauses is not null)
        {
            Console.WriteLine(_gcPauses.Summary(seconds));
            await _gcPauses.DisposeAsync();
        }

        // Work per server CPU-second: the figure that stays comparable when other processes share the cores.
        if (cpu is > 0)
        {
            foreach (var stats in _byScenario.Values)
            {
                var s = stats.Total();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"efficiency: {stats.Name} {s.Requests / seconds / cpu.Value:F0} requests and {s.Units / seconds / cpu.Value:F0} {stats.Unit} per server CPU-second"));
            }
        }
    }
}
