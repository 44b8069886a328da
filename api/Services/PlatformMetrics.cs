using System.Diagnostics.Metrics;

namespace Platform.Api.Services;

/// <summary>The platform's own instruments, exported on <c>/metrics</c>.</summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "Platform";

    private readonly Counter<long> _eventsApplied;
    private readonly Counter<long> _eventsDuplicate;
    private readonly Counter<long> _eventsRejected;
    private readonly Counter<long> _feedRequests;
    private readonly Histogram<double> _feedLatency;

    public PlatformMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsApplied = meter.CreateCounter<long>("platform.events.applied", "{event}", "Engagement events applied.");
        _eventsDuplicate = meter.CreateCounter<long>("platform.events.duplicate", "{event}", "Engagement events dropped as duplicates.");
        _eventsRejected = meter.CreateCounter<long>("platform.events.rejected", "{event}", "Engagement events rejected (unknown or taken-down video).");
        _feedRequests = meter.CreateCounter<long>("platform.feed.requests", "{request}", "Feed requests served.");
        _feedLatency = meter.CreateHistogram<double>("platform.feed.duration", "s", "Feed request latency.");
    }

    public void EventsIngested(int applied, int duplicates, int rejected)
    {
        _eventsApplied.Add(applied);
        _eventsDuplicate.Add(duplicates);
        _eventsRejected.Add(rejected);
    }

    public void FeedServed(TimeSpan elapsed)
    {
        _feedRequests.Add(1);
        _feedLatency.Record(elapsed.TotalSeconds);
    }
}
