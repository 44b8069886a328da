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
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _states = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
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
        var key = (stateName, grainId);
        if (grainState.ETag is { } etag && !(_states.TryGetValue(key, out var current) && current.ETag == etag && _states.TryRemove(new(key, current))))
        {
            throw Conflict(stateName, grainId, etag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Write(string stateName, GrainId grainId, byte[] payload, string? etag)
    {
        var key = (stateName, grainId);
        var next = new StoredState(payload, Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture));
        var written = etag is null
            ? _states.TryAdd(key, next)
            : _states.TryGetValue(key, out var current) && current.ETag == etag && _states.TryUpdate(key, next, current);
        return written ? next.ETag : throw Conflict(stateName, grainId, etag);
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"State {stateName} of {grainId} changed since version {etag ?? "(none)"} was read.", "", etag ?? "");

    private sealed class StoredState(byte[] payload, string etag)
    {
        public byte[] Payload { get; } = payload;

        public string ETag { get; } = etag;
    }
}
