using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Videos;

/// <summary>
/// This silo's copies of what users need from a video to apply events to it (creator, duration, vector,
/// that it accepts events), kept for <see cref="DeliveryOptions.VideoContextTtl"/> so that an event on a
/// video seen lately costs no call to it. Only accepting contexts are kept: an unknown video that gets
/// registered is accepted at once. A state change drops the copy at once (<see cref="Invalidate"/>), on the
/// video's silo directly and on the others through Content.VideoStateBroadcast. A video's vector keeps learning,
/// so a copy's vector is up to one TTL old, which the users' learning step tolerates.
/// </summary>
public sealed class VideoContextCache(IOptions<DeliveryOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly DeliveryOptions _options = options.Value;
    private long _generation;

    // ConcurrentDictionary.Count takes every bucket's lock: on the event path it serialized all threads (40% of
    // thread time waiting in Store under load). An approximate count of our own bounds the cache as well.
    private int _count;

    /// <summary>True when caching is on (a positive TTL).</summary>
    public bool Enabled => _options.VideoContextTtl > TimeSpan.Zero;

    /// <summary>Taken before a read whose result may be stored; an invalidation since then keeps it from being stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The fresh copy of the video's context, if this silo has one.</summary>
    public bool TryGet(string videoId, out VideoEngagementContext context)
    {
        if (_entries.TryGetValue(videoId, out var entry) && entry.ExpiresAt > time.GetTimestamp())
        {
            context = entry.Context;
            return true;
        }

        context = null!;
        return false;
    }

    /// <summary>Keeps an accepting context read when <see cref="Generation"/> was <paramref name="generation"/>, unless something was invalidated since.</summary>
    public void Store(string videoId, VideoEngagementContext context, long generation)
    {
        if (!Enabled || !context.Accepts)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= _options.VideoContextCacheEntries)
        {
            // Crude but bounded: a full cache starts over rather than tracking recency per read.
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        var ttl = (long)(_options.VideoContextTtl.TotalSeconds * time.TimestampFrequency);
        var entry = new Entry(context, time.GetTimestamp() + ttl);
        if (_entries.TryAdd(videoId, entry))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _entries[videoId] = entry;
        }

        if (Generation != generation)
        {
            // An invalidation raced with the read that produced this context: it may predate the change.
            Remove(videoId);
        }
    }

    /// <summary>Drops this silo's copy of the video's context (taken down, or its state changed).</summary>
    public void Invalidate(string videoId)
    {
        Interlocked.Increment(ref _generation);
        Remove(videoId);
    }

    private void Remove(string videoId)
    {
        if (_entries.TryRemove(videoId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private sealed record Entry(VideoEngagementContext Context, long ExpiresAt);
}
