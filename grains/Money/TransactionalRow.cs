using Orleans.Storage;
using Orleans.Transactions;

namespace Platform.Grains.Money;

/// <summary>
/// Removes a grain's transactional state row from storage, for a user's erasure. Orleans' transactional state has no
/// clear: the row (committed state, prepared states, commit records) is read as the storage holds it, and deleted only
/// when no transaction of it is still being prepared or confirmed and its committed state is erasable. A transaction
/// that writes meanwhile makes the delete fail on the row's version (an exception: the erasure is retried).
/// </summary>
internal static class TransactionalRow
{
    public static async Task<TransactionalRowStatus> ForgetAsync<TState>(IGrainStorage storage, string stateName, GrainId grainId, Func<TState, bool> erasable)
        where TState : class, new()
    {
        var row = new GrainState<TransactionalStateRecord<TState>>();
        await storage.ReadStateAsync(stateName, grainId, row);
        if (!row.RecordExists || row.State is null)
        {
            return TransactionalRowStatus.Gone;
        }

        if (row.State.PendingStates.Count > 0 || row.State.Metadata.CommitRecords.Count > 0)
        {
            return TransactionalRowStatus.Settling;
        }

        if (!erasable(row.State.CommittedState))
        {
            return TransactionalRowStatus.InUse;
        }

        await storage.ClearStateAsync(stateName, grainId, row);
        return TransactionalRowStatus.Gone;
    }
}
