namespace Platform.HotVideoBench;

/// <summary>What one scenario measured.</summary>
public sealed record ScenarioResult(
    string Name,
    int Videos,
    long Requests,
    long Events,
    long Failures,
    TimeSpan Elapsed,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long ViewsSent,
    long ViewsCounted)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
