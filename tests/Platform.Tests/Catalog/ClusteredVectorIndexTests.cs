using System.Numerics.Tensors;
using Platform.Grains.Catalog;

namespace Platform.Tests.Catalog;

public sealed class ClusteredVectorIndexTests
{
    private sealed class Item(float[] vector)
    {
        public float[] Vector { get; set; } = vector;
    }

    /// <summary>Vectors around 64 topic directions, as learned video embeddings group by taste.</summary>
    private static List<Item> Catalog(int count, int dimensions, Random random)
    {
        var topics = Enumerable.Range(0, 64).Select(_ => RandomVector(dimensions, random, 1f)).ToArray();
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var v = RandomVector(dimensions, random, 0.35f);
            TensorPrimitives.Add(v, topics[random.Next(topics.Length)], v);
            return new Item(v);
        })];
    }

    private static float[] RandomVector(int dimensions, Random random, float scale) =>
        [.. Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale))];

    private static HashSet<Item> BruteForce(List<Item> items, float[] probe, int k) =>
        [.. items.OrderByDescending(i => TensorPrimitives.Dot(probe, i.Vector)).Take(k)];

    [Fact]
    public void ClusteredSearchFindsNearlyWhatBruteForceFinds()
    {
        var random = new Random(3);
        var items = Catalog(20_000, 32, random);
        var index = new ClusteredVectorIndex<Item>(i => i.Vector, probedClusters: 8, minScanned: 1024);
        foreach (var item in items)
        {
            index.Upsert(item);
        }

        index.Train(random);
        Assert.True(index.Clusters > 100);

        double found = 0, wanted = 0;
        for (var q = 0; q < 50; q++)
        {
            var probe = items[random.Next(items.Count)].Vector;
            var exact = BruteForce(items, probe, 20);
            var approximate = index.Search(probe, 20, _ => true);
            found += approximate.Count(r => exact.Contains(r.Item));
            wanted += exact.Count;
        }

        var recall = found / wanted;
        Assert.True(recall >= 0.9, $"recall@20 against brute force was {recall:F3}");
    }

    [Fact]
    public void UntrainedIndexIsExact()
    {
        var random = new Random(5);
        var items = Catalog(500, 16, random);
        var index = new ClusteredVectorIndex<Item>(i => i.Vector, 8, 1024);
        items.ForEach(index.Upsert);

        var probe = RandomVector(16, random, 1f);
        var exact = BruteForce(items, probe, 10);
        Assert.True(index.Search(probe, 10, _ => true).All(r => exact.Contains(r.Item)));
    }

    [Fact]
    public void VideoWhoseEmbeddingMovedIsFoundWhereItNowIs()
    {
        var random = new Random(7);
        var items = Catalog(5_000, 16, random);
        var index = new ClusteredVectorIndex<Item>(i => i.Vector, 4, 256);
        items.ForEach(index.Upsert);
        index.Train(random);

        var probe = RandomVector(16, random, 1f);
        var mover = items[0];
        mover.Vector = [.. probe.Select(x => x * 10)];
        index.Upsert(mover);

        Assert.Same(mover, index.Search(probe, 5, _ => true)[0].Item);
    }

    [Fact]
    public void IneligibleAndRemovedVideosAreNeverReturned()
    {
        var random = new Random(9);
        var items = Catalog(3_000, 16, random);
        var index = new ClusteredVectorIndex<Item>(i => i.Vector, 4, 256);
        items.ForEach(index.Upsert);
        index.Train(random);
        var removed = items.Take(100).ToHashSet();
        foreach (var item in removed)
        {
            index.Remove(item);
        }

        var excluded = items.Skip(100).Take(500).ToHashSet();
        var results = index.Search(items[0].Vector, 50, i => !excluded.Contains(i));

        Assert.Equal(50, results.Count);
        Assert.DoesNotContain(results, r => removed.Contains(r.Item) || excluded.Contains(r.Item));
    }
}
