using Platform.GrainInterfaces;

namespace Platform.Grains.Videos;

/// <summary>
/// How a video announces itself again when it activates: the catalog shard keeps a periodic snapshot, and the
/// announcement repairs a shard that lost a registration to a crash between two snapshots.
/// <list type="bullet">
/// <item>A video that Orleans moved to another silo (a graceful stop of its silo, the activation rebalancer) arrives
/// with its state, and its shard still holds it: no announcement. There must not be one: a silo accepts a batch of
/// moving grains only once every grain of the batch has activated, and the shard may be moving to the same silo in a
/// later batch; an announcement would wait for the shard, the shard for the batch, and both for the response timeout
/// (seen as 10 s stalls of every call to the stopping silo).</item>
/// <item>A video read from storage announces itself before it takes calls. Its shard may be moving off a stopping
/// silo just then: a call that reached the old silo after it stopped taking calls is rejected, and is sent again (to
/// the shard's new home) a few times before the activation fails.</item>
/// </list>
/// </summary>
public sealed partial class VideoGrain : IGrainMigrationParticipant
{
    private const int AnnounceAttempts = 4;
    private static readonly TimeSpan AnnounceRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>This activation was rehydrated from a live one (migration), not read from storage.</summary>
    private bool _migrated;

    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext)
    {
    }

    void IGrainMigrationParticipant.OnRehydrate(IRehydrationContext rehydrationContext) => _migrated = true;

    private async Task ReannounceAsync()
    {
        if (_migrated)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (S.Info is { State: PublicationState.Published })
                {
                    await Shard.UpsertAsync(ToCatalogVideo());
                }
                else if (S.Info is { State: PublicationState.InReview } inReview)
                {
                    await Publication.PropagateAsync(inReview, ToCatalogVideo, wasInReview: true);
                }

                return;
            }
            catch (OrleansMessageRejectionException) when (attempt < AnnounceAttempts)
            {
                await Task.Delay(AnnounceRetryDelay * attempt);
            }
        }
    }
}
