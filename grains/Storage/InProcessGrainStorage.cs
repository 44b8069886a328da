using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Platform.Grains.Storage;

/// <summary>
/// The embedded single-node default's storage: each grain state serialized with the Orleans binary
/// serializer into this process's memory, with the same optimistic-concurrency check as a database.
/// Unlike Orleans' memory provider it makes no grain call per read or write (that provider keeps the
/// bytes in storage grains). State lives as long as the process, like any memory storage, and is
/// visible to this silo only: the platform uses it only when the silo is alone (localhost clustering).
/// A state marked <see cref="ILiveState"/> (the user, video and creator states of the event path) is kept as
/// the grain's object itself: no serialization or copy per write, and a reactivated grain continues with it.
/// </summary>
public sealed class InProcessGrainStorage(Serializer serializer, Analytics.InProcessSeriesHistory? history = null)
    : IGrainStorage, IGrainStateWriter, ILiveStateStore
{
    private static readonly StoredState Empty = new(null, null, null);

    // One slot per grain state, created on its first write; its content is replaced by compare-and-swap,
    // so writers never lock, and the version check fails a writer that lost a race.
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Slot> _slots = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot) && Volatile.Read(ref slot.State) is { ETag: { } etag } stored)
        {
            grainState.State = stored.Live is T live ? live : serializer.Deserialize<T>(stored.Payload!);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = grainState.State is ILiveState live
            ? Keep(stateName, grainId, live, grainState.ETag, [])
            : Write(stateName, grainId, serializer.SerializeToArray(grainState.State), grainState.ETag);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag) =>
        Task.FromResult(Write(stateName, storageId, payload, etag));

    /// <summary>Stores the state and, once that succeeded, adds its series rows to the in-process history, in one synchronous step.</summary>
    public Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag, Analytics.SeriesRow[] rows) =>
        Task.FromResult(StoreWithRows(stateName, storageId, payload, null, etag, rows));

    public string Keep(string stateName, GrainId storageId, ILiveState state, string? etag, Analytics.SeriesRow[] rows) =>
        StoreWithRows(stateName, storageId, null, state, etag, rows);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot))
        {
            Swap(slot, Empty, stateName, grainId, grainState.ETag);

            // Forget the key too (an erased user leaves nothing in memory); a grain's calls are serial, so no
            // write of the same state races with this removal.
            _slots.TryRemove(new KeyValuePair<(string, GrainId), Slot>((stateName, grainId), slot));
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Write(string stateName, GrainId grainId, byte[] payload, string? etag) => Store(stateName, grainId, payload, null, etag);

    private string StoreWithRows(string stateName, GrainId grainId, byte[]? payload, ILiveState? live, string? etag, Analytics.SeriesRow[] rows)
    {
        if (rows.Length > 0 && history is null)
        {
            throw new NotSupportedException("This storage has no history for series rows.");
        }

        var version = Store(stateName, grainId, payload, live, etag);
        history?.Apply(rows);
        return version;
    }

    private string Store(string stateName, GrainId grainId, byte[]? payload, ILiveState? live, string? etag)
    {
        var slot = _slots.GetOrAdd((stateName, grainId), static _ => new Slot());
        var next = new StoredState(payload, live, Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture));
        Swap(slot, next, stateName, grainId, etag);
        return next.ETag!;
    }

    private static void Swap(Slot slot, StoredState next, string stateName, GrainId grainId, string? etag)
    {
        var current = Volatile.Read(ref slot.State);
        if (current.ETag != etag || Interlocked.CompareExchange(ref slot.State, next, current) != current)
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} changed since version {etag ?? "(none)"} was read.", current.ETag ?? "", etag ?? "");
        }
    }

    /// <summary>A grain state's latest bytes (or, for an <see cref="ILiveState"/>, the object) and version; a null version means no state.</summary>
    private sealed record StoredState(byte[]? Payload, ILiveState? Live, string? ETag);

    private sealed class Slot
    {
        public StoredState State = Empty;
    }
}
