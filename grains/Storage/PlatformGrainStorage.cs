using Orleans.Serialization;
using Orleans.Storage;

namespace Platform.Grains.Storage;

/// <summary>
/// The storage every platform grain writes through, wrapping the configured provider (memory or
/// ADO.NET) to fix two things:
/// <list type="bullet">
/// <item>It writes a copy of the state taken when the write is called. Grains that take new work while
/// a write is in flight (<see cref="GroupCommit"/>) may then change their state at once: the provider
/// may serialize the state later, on another thread, and would otherwise see it half-changed.</item>
/// <item>It hands the provider a grain key it cannot misread. The ADO.NET provider stores a string key
/// that parses as hexadecimal (<c>c1</c>, <c>C1</c>, <c>00c1</c>) or as a GUID as a number, so distinct
/// ids such as <c>c1</c> and <c>C1</c> would share one row. Every key is prefixed with <c>k:</c>,
/// which no hex number or GUID contains, and so is stored verbatim after the prefix.</item>
/// <item>With an <see cref="IGrainStateWriter"/> (PostgreSQL), writes are serialized at once (that is the
/// snapshot) and grouped with other grains' writes into one round trip; reads stay with the provider. A state
/// that owes rows to the history table (<see cref="Analytics.ISeriesRowSource"/>) hands them over with it.</item>
/// <item>With an <see cref="ILiveStateStore"/> (the single-node memory default), an <see cref="ILiveState"/> is kept as the
/// object: nothing to copy, as the store lives in this process and only the grain changes it.</item>
/// <item>Storage failures (the driver's exceptions, which Orleans cannot serialize across silos) leave
/// as <see cref="StorageUnavailableException"/>, which it can, carrying the driver's message; version
/// conflicts stay <see cref="InconsistentStateException"/>.</item>
/// </list>
/// </summary>
public sealed class PlatformGrainStorage(IGrainStorage inner, DeepCopier copier, bool escapeKeys, Serializer? serializer = null, IGrainStateWriter? writer = null)
    : IGrainStorage
{
    private const string KeyPrefix = "k:";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ReadStateAsync(stateName, Escape(grainId), grainState);
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            throw StorageFailure.Unavailable("read", stateName, grainId, ex);
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await WriteCopyAsync(stateName, grainId, grainState);
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            throw StorageFailure.Unavailable("write", stateName, grainId, ex);
        }
    }

    /// <summary>
    /// Removes the state (every provider the platform configures deletes the record on clear); the next write
    /// creates it anew, so the version is forgotten.
    /// </summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ClearStateAsync(stateName, Escape(grainId), grainState);
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            throw StorageFailure.Unavailable("clear", stateName, grainId, ex);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The grain id the ADO.NET storage sees: same type, key prefixed with <c>k:</c>.</summary>
    public static GrainId EscapeKey(GrainId grainId) => GrainId.Create(grainId.Type, KeyPrefix + grainId.Key.ToString());

    private async Task WriteCopyAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (writer is not null && serializer is not null)
        {
            // Rows first: the increments they take leave the state, so the snapshot stores only what still waits.
            var rows = grainState.State is Analytics.ISeriesRowSource source ? source.TakeSeriesRows() : [];
            if (writer is ILiveStateStore store && grainState.State is ILiveState live)
            {
                grainState.ETag = store.Keep(stateName, Escape(grainId), live, grainState.ETag, rows);
                grainState.RecordExists = true;
                return;
            }

            var payload = serializer.SerializeToArray(grainState.State);
            grainState.ETag = rows.Length == 0
                ? await writer.WriteAsync(stateName, Escape(grainId), payload, grainState.ETag)
                : await writer.WriteAsync(stateName, Escape(grainId), payload, grainState.ETag, rows);
            grainState.RecordExists = true;
            return;
        }

        var snapshot = new GrainState<T>(copier.Copy(grainState.State), grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.WriteStateAsync(stateName, Escape(grainId), snapshot);
        grainState.ETag = snapshot.ETag;
        grainState.RecordExists = snapshot.RecordExists;
    }

    private GrainId Escape(GrainId grainId) => escapeKeys ? EscapeKey(grainId) : grainId;
}
