using Platform.Grains.Content;

namespace Platform.Tests.Content;

/// <summary>A comment thread holds at most its configured number of sealed pages in memory, the least recently used leaving first.</summary>
public sealed class CommentPageCacheTests
{
    [Fact]
    public void HoldsAtMostCapacityPagesAndLetsTheLeastRecentlyUsedGo()
    {
        var cache = new CommentPageCache<string>(3);
        for (var page = 0; page < 50; page++)
        {
            cache.Remember(page, $"page {page}");
            Assert.True(cache.Count <= 3);
        }

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Get(46));
        Assert.Equal("page 47", cache.Get(47));

        // 47 was just used: the next page pushes out 48, the least recently used.
        cache.Remember(50, "page 50");
        Assert.Null(cache.Get(48));
        Assert.Equal("page 47", cache.Get(47));
        Assert.Equal("page 49", cache.Get(49));

        cache.Forget(49);
        Assert.Null(cache.Get(49));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void CapacityZeroHoldsNothing()
    {
        var cache = new CommentPageCache<string>(0);
        cache.Remember(1, "page 1");
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Get(1));
    }
}
