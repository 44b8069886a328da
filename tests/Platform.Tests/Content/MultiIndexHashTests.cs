using Platform.Grains.Catalog;

namespace Platform.Tests.Content;

/// <summary>The multi-index hash finds exactly what a brute-force scan of every code finds.</summary>
public sealed class MultiIndexHashTests
{
    [Fact]
    public void SearchFindsExactlyWhatABruteForceScanFinds()
    {
        var random = new Random(1616);
        var index = new MultiIndexHash();
        var codes = new Dictionary<int, ulong>();
        var centers = Enumerable.Range(0, 40).Select(_ => (ulong)random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            // Clusters around a few centres (like re-uploads) plus uniform noise, so every distance occurs.
            var code = i % 3 == 0 ? (ulong)random.NextInt64(long.MinValue, long.MaxValue) : Near(centers[random.Next(centers.Length)], random.Next(0, 12), random);
            codes[index.Add(code)] = code;
        }

        // Remove a fifth, and add some back into the freed slots.
        foreach (var slot in codes.Keys.Where(_ => random.Next(5) == 0).ToList())
        {
            index.Remove(slot);
            codes.Remove(slot);
        }

        for (var i = 0; i < 2_000; i++)
        {
            var code = Near(centers[random.Next(centers.Length)], random.Next(0, 10), random);
            codes[index.Add(code)] = code;
        }

        Assert.Equal(codes.Count, index.Count);
        var found = new List<int>();
        for (var q = 0; q < 300; q++)
        {
            var query = q % 2 == 0 ? Near(centers[random.Next(centers.Length)], random.Next(0, 8), random) : (ulong)random.NextInt64(long.MinValue, long.MaxValue);
            for (var distance = 0; distance <= MultiIndexHash.MaxDistance; distance++)
            {
                found.Clear();
                index.Search(query, distance, found);
                var expected = codes.Where(c => MultiIndexHash.Distance(c.Value, query) <= distance).Select(c => c.Key).Order().ToList();
                Assert.Equal(expected, found.Order().ToList());
            }
        }
    }

    [Fact]
    public void FingerprintIndexSkipsTheSameCreatorAndForgetsRemovedVideos()
    {
        var index = new FingerprintIndex();
        const ulong code = 0xF0F0_1234_5678_9ABC;
        index.Upsert("v-own", "c-1", code);
        Assert.Null(index.FindNearest(code, 6, "c-1"));

        index.Upsert("v-far", "c-2", code ^ 0x7F); // 7 bits away: beyond reach
        index.Upsert("v-near", "c-3", code ^ 0x3);
        Assert.Equal(("v-near", 2), (index.FindNearest(code, 6, "c-1")!.VideoId, index.FindNearest(code, 6, "c-1")!.Distance));
        index.Remove("v-near");
        Assert.Null(index.FindNearest(code, 6, "c-1"));
        Assert.Equal("v-own", index.FindNearest(code, 6, "c-9")!.VideoId);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiIndexHash().Search(code, 7, []));
    }

    private static ulong Near(ulong center, int bits, Random random)
    {
        for (var i = 0; i < bits; i++)
        {
            center ^= 1UL << random.Next(64);
        }

        return center;
    }
}
