using Platform.Grains.Storage;

namespace Platform.Tests.Grains;

public sealed class RecentHashesTests
{
    [Fact]
    public void RemembersExactlyTheLastCapacityIds()
    {
        var recent = new RecentHashes();
        for (var i = 0; i < 250; i++)
        {
            Assert.True(recent.Add($"e-{i}", 100));
        }

        Assert.Equal(100, recent.Count);
        Assert.False(recent.Contains("e-149"));
        Assert.True(recent.Contains("e-150"));
        Assert.True(recent.Contains("e-249"));
        Assert.False(recent.Add("e-200", 100));
    }

    [Fact]
    public void StoredRingLoadsWithTheSameIdsAndPosition()
    {
        var recent = new RecentHashes();
        for (var i = 0; i < 130; i++)
        {
            recent.Add($"e-{i}", 100);
        }

        var loaded = new RecentHashes { Packed = recent.Packed, Next = recent.Next };
        loaded.Add("e-130", 100);

        Assert.False(loaded.Contains("e-30"));
        Assert.True(loaded.Contains("e-31"));
        Assert.True(loaded.Contains("e-130"));
        Assert.Equal(100 * sizeof(ulong), loaded.Packed.Length);
    }

    [Fact]
    public void ASmallerCapacityKeepsTheMostRecentIds()
    {
        var recent = new RecentHashes();
        for (var i = 0; i < 100; i++)
        {
            recent.Add($"e-{i}", 100);
        }

        recent.Add("e-100", 10);

        Assert.Equal(10, recent.Count);
        Assert.True(recent.Contains("e-91"));
        Assert.False(recent.Contains("e-90"));
        Assert.True(recent.Contains("e-100"));
    }

    [Fact]
    public void AFewIdsTakeAFewBytesWhateverTheCapacity()
    {
        var recent = new RecentHashes();
        for (var i = 0; i < 3; i++)
        {
            recent.Add($"e-{i}", 4096);
        }

        Assert.True(recent.Packed.Length <= 16 * sizeof(ulong), $"{recent.Packed.Length} bytes for 3 ids");
        Assert.True(recent.Contains("e-0") && recent.Contains("e-2"));
    }
}
