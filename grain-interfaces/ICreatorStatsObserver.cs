using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>
/// Receives a creator's counters when they change (best effort, coalesced by the creator grain).
/// Implemented by the gateway, one per creator watched, and registered with
/// <see cref="ICreatorGrain.SubscribeAsync"/>.
/// </summary>
public interface ICreatorStatsObserver : IGrainObserver
{
    /// <summary>
    /// The creator's counters after a change. One-way: a slow or vanished gateway never holds up
    /// the creator grain; a missed message is repaired by the next one or by the next renewal.
    /// </summary>
    [OneWay]
    Task OnStatsChangedAsync(CreatorStatsSnapshot snapshot);

    /// <summary>Something happened to one of the creator's videos (see <see cref="ContentNotice"/>). One-way, as above.</summary>
    [OneWay]
    Task OnContentNoticeAsync(ContentNotice notice);
}
