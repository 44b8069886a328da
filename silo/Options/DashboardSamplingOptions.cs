namespace Platform.Silo.Options;

/// <summary>
/// How often the Orleans dashboard samples the silo's counters. Section <c>Platform:DashboardSampling</c>.
/// Each sample observes every Orleans instrument, one of which walks all the silo's activations, so its
/// cost grows with the activations held (hundreds of thousands at scale) and shows in the feed's tail
/// latency; sampling every 10 s instead of Orleans' 1 s cuts that cost tenfold, and a dashboard is
/// read by people, for whom 10 s is fresh.
/// </summary>
public sealed class DashboardSamplingOptions
{
    public const string Section = "Platform:DashboardSampling";

    /// <summary>Time between two dashboard samples. Default 10 seconds; whole seconds, at least 1 (the dashboard's minimum).</summary>
    public TimeSpan CounterInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether the dashboard times every grain call (its per-method table). Default false: its call filter wraps every
    /// grain call of the silo in one more asynchronous step, 7% of the event path's allocations, whether or not anyone
    /// looks at the dashboard. Switch it on to find a slow grain method; the rest of the dashboard works without it.
    /// </summary>
    public bool GrainCallProfiling { get; set; }
}
