namespace Platform.Grains.Videos;

/// <summary>
/// A video that Orleans moves to another silo (a graceful stop of its silo, the activation rebalancer) arrives with
/// its state, and its catalog shard still holds it, so the new activation does not announce itself again. It must
/// not: a silo accepts a batch of moving grains only once every grain of the batch has activated, and the shard may
/// be moving to the same silo in a later batch; an announcement in <c>OnActivateAsync</c> would wait for the shard,
/// the shard for the batch, and both for the response timeout (seen as 10 s stalls of every call to the stopping silo).
/// </summary>
public sealed partial class VideoGrain : IGrainMigrationParticipant
{
    /// <summary>This activation was rehydrated from a live one (migration), not read from storage.</summary>
    private bool _migrated;

    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext)
    {
    }

    void IGrainMigrationParticipant.OnRehydrate(IRehydrationContext rehydrationContext) => _migrated = true;
}
