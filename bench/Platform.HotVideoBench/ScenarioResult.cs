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
    long ViewsCounted,
    double? ServerCpuSeconds)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>Events per second of server CPU (user + system), when the server's pid was given.</summary>
    public double? EventsPerCpuSecond => ServerCpuSeconds is > 0 and var cpu ? Events / cpu : null;
}
