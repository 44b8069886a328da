using HdrHistogram;

namespace Platform.LoadGen.Measurement;

/// <summary>
/// Latency (microseconds, HdrHistogram, 3 significant digits) and counts of one scenario, for the
/// whole measured run and for the current progress interval.
/// </summary>
public sealed class ScenarioStats(string name, string unit)
{
    private const long HighestMicros = 120_000_000;
    private readonly Lock _lock = new();
    private readonly LongHistogram _total = new(HighestMicros, 3);
    private readonly LongHistogram _interval = new(HighestMicros, 3);
    private readonly Dictionary<int, long> _statuses = [];
    private long _requests;
    private long _errors;
    private long _units;
    private long _intervalRequests;
    private long _intervalErrors;
    private long _intervalUnits;

    public string Name => name;

    public string Unit => unit;

    public void Record(long micros, bool ok, int status, int units)
    {
        var value = Math.Clamp(micros, 1, HighestMicros);
        lock (_lock)
        {
            _total.RecordValue(value);
            _interval.RecordValue(value);
            _requests++;
            _intervalRequests++;
            _units += units;
            _intervalUnits += units;
            if (!ok)
            {
                _errors++;
                _intervalErrors++;
            }

            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        }
    }

    /// <summary>Forgets everything recorded so far (the warm-up).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _total.Reset();
            _interval.Reset();
            _statuses.Clear();
            _requests = _errors = _units = 0;
            _intervalRequests = _intervalErrors = _intervalUnits = 0;
        }
    }

    public Snapshot Total()
    {
        lock (_lock)
        {
            return Snap(_total, _requests, _errors, _units);
        }
    }

    /// <summary>The figures since the previous call, then starts a new interval.</summary>
    public Snapshot TakeInterval()
    {
        lock (_lock)
        {
            var snapshot = Snap(_interval, _intervalRequests, _intervalErrors, _intervalUnits);
            _interval.Reset();
            _intervalRequests = _intervalErrors = _intervalUnits = 0;
            return snapshot;
        }
    }

    public string Statuses()
    {
        lock (_lock)
        {
            return string.Join(' ', _statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "transport" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}={s.Value}"));
        }
    }

    private static Snapshot Snap(LongHistogram h, long requests, long errors, long units) => h.TotalCount == 0
        ? new Snapshot(requests, errors, units, 0, 0, 0, 0, 0)
        : new Snapshot(
            requests,
            errors,
            units,
            h.GetValueAtPercentile(50) / 1000.0,
            h.GetValueAtPercentile(90) / 1000.0,
            h.GetValueAtPercentile(99) / 1000.0,
            h.GetValueAtPercentile(99.9) / 1000.0,
            h.GetMaxValue() / 1000.0);

    /// <summary>Counts and latency percentiles in milliseconds.</summary>
    public readonly record struct Snapshot(long Requests, long Errors, long Units, double P50, double P90, double P99, double P999, double Max);
}
