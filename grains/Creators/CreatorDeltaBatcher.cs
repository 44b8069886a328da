using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Creators;

/// <summary>
/// Per-silo merge of what this silo's videos owe one creator: the deltas of every video of the creator that deliver
/// while a call to it is under way share the next call (a creator of 100 videos received one call per video batch).
/// The creator still applies each (video, sequence) once; see <see cref="CallMerger{T}"/>.
/// </summary>
public sealed class CreatorDeltaBatcher(IGrainFactory grains, IOptions<DeliveryOptions> options)
{
    private readonly CallMerger<CreatorDelta> _merger = new(
        (creatorId, deltas) => grains.Reference<ICreatorGrain>(creatorId).ApplyDeltasAsync(deltas),
        options.Value.MaxEngagementBatch);

    /// <summary>Delivers one video's deltas, in sequence order; completes once the creator applied them.</summary>
    public Task ApplyAsync(string creatorId, CreatorDelta[] deltas) => _merger.SendAsync(creatorId, deltas);
}
