using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Videos;

namespace Platform.Tests.Grains;

/// <summary>The silo's video context cache stays within its bound under concurrent stores, without a global lock.</summary>
public sealed class VideoContextCacheBoundTests
{
    private static readonly VideoEngagementContext Accepting = new(null, "c", [1f, 0f], 10_000);

    [Fact]
    public async Task ConcurrentStoresNeverHoldMoreThanTheBoundAndEveryFreshStoreIsFound()
    {
        var cache = new VideoContextCache(Options.Create(new DeliveryOptions { VideoContextCacheEntries = 1_000 }), TimeProvider.System);
        var random = new Random(20);
        var ids = Enumerable.Range(0, 5_000).Select(i => $"v{random.Next(100_000)}").ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = t; i < ids.Length; i += 4)
            {
                cache.Store(ids[i], Accepting, cache.Generation);
            }
        })));

        var held = ids.Distinct().Count(id => cache.TryGet(id, out _));
        Assert.InRange(held, 1, 1_000 + 4);
        cache.Store("fresh", Accepting, cache.Generation);
        Assert.True(cache.TryGet("fresh", out var context));
        Assert.Same(Accepting, context);
    }

    [Fact]
    public void AStoreReadBeforeAnInvalidationIsNotKept()
    {
        var cache = new VideoContextCache(Options.Create(new DeliveryOptions()), TimeProvider.System);
        var generation = cache.Generation;

        cache.Invalidate("v1");
        cache.Store("v1", Accepting, generation);

        Assert.False(cache.TryGet("v1", out _));
        cache.Store("v1", Accepting, cache.Generation);
        Assert.True(cache.TryGet("v1", out _));
    }

    [Fact]
    public void ARejectingContextIsNeverKept()
    {
        var cache = new VideoContextCache(Options.Create(new DeliveryOptions()), TimeProvider.System);

        cache.Store("v1", Accepting with { RejectReason = "taken down" }, cache.Generation);

        Assert.False(cache.TryGet("v1", out _));
    }
}
