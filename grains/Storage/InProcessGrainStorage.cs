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
/// </summary>
public sealed class InProcessGrainStorage(Serializer serializer) : IGrainStorage, IGrainStateWriter
{
    // One slot per grain state, created on its first write and then only locked by that grain's own
    // writes (one at a time), so writers of different grains never wait for each other.
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Slot> _slots = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot))
        {
            lock (slot)
            {
                if (slot.ETag is { } etag)
                {
                    grainState.State = serializer.Deserialize<T>(slot.Payload);
                    grainState.ETag = etag;
                    grainState.RecordExists = true;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Write(stateName, grainId, serializer.SerializeToArray(grainState.State), grainState.ETag);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag) =>
        Task.FromResult(Write(stateName, storageId, payload, etag));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot))
        {
            lock (slot)
            {
                Check(slot, stateName, grainId, grainState.ETag);
                slot.Payload = [];
                slot.ETag = null;
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Write(string stateName, GrainId grainId, byte[] payload, string? etag)
    {
        var slot = _slots.GetOrAdd((stateName, grainId), static _ => new Slot());
        lock (slot)
        {
            Check(slot, stateName, grainId, etag);
            slot.Payload = payload;
            return slot.ETag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static void Check(Slot slot, string stateName, GrainId grainId, string? etag)
    {
        if (slot.ETag != etag)
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} changed since version {etag ?? "(none)"} was read.", slot.ETag ?? "", etag ?? "");
        }
    }

    /// <summary>A grain state's latest bytes and version; a null version means no state.</summary>
    private sealed class Slot
    {
        public byte[] Payload { get; set; } = [];

        public string? ETag { get; set; }
    }
}
