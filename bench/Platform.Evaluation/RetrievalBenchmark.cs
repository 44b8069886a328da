using System.Diagnostics;
using System.Numerics.Tensors;
using Platform.Grains.Catalog;

namespace Platform.Evaluation;

/// <summary>
/// Personalized retrieval cost as the catalog grows: the catalog shard's clustered (IVF) index against
/// a full scan, on embeddings grouped by taste, with its recall@20 against the full scan.
/// </summary>
public static class RetrievalBenchmark
{
    public static string Run(int videos, int dimensions = 32, int queries = 1000)
    {
        var random = new Random(1);
        var topics = Enumerable.Range(0, 256).Select(_ => RandomVector(dimensions, random, 1f)).ToArray();
        var vectors = new float[videos][];
        for (var i = 0; i < videos; i++)
        {
            vectors[i] = RandomVector(dimensions, random, 0.35f);
            TensorPrimitives.Add(vectors[i], topics[random.Next(topics.Length)], vectors[i]);
        }

        var index = new ClusteredVectorIndex<float[]>(v => v, probedClusters: 8, minScanned: 1024);
        foreach (var v in vectors)
        {
            index.Upsert(v);
        }

        var trainStarted = Stopwatch.GetTimestamp();
        index.Train(random);
        var trainSeconds = Stopwatch.GetElapsedTime(trainStarted).TotalSeconds;
        var probes = Enumerable.Range(0, queries).Select(_ => vectors[random.Next(videos)]).ToArray();

        // Warm both paths up so tiered JIT does not count against either.
        for (var w = 0; w < 50; w++)
        {
            Scan(vectors, probes[w % queries], 20);
            index.Search(probes[w % queries], 20, _ => true);
        }

        var scanStarted = Stopwatch.GetTimestamp();
        var exact = probes.Select(p => Scan(vectors, p, 20)).ToArray();
        var scanMs = Stopwatch.GetElapsedTime(scanStarted).TotalMilliseconds / queries;

        var ivfStarted = Stopwatch.GetTimestamp();
        var approximate = probes.Select(p => index.Search(p, 20, _ => true)).ToArray();
        var ivfMs = Stopwatch.GetElapsedTime(ivfStarted).TotalMilliseconds / queries;

        double found = 0;
        for (var q = 0; q < queries; q++)
        {
            found += approximate[q].Count(r => exact[q].Contains(r.Item));
        }

        return FormattableString.Invariant(
            $"{{\"videos\": {videos}, \"clusters\": {index.Clusters}, \"largestCluster\": {index.LargestCluster}, \"trainSeconds\": {trainSeconds:F2}, \"scanMsPerQuery\": {scanMs:F3}, \"ivfMsPerQuery\": {ivfMs:F3}, \"recallAt20\": {found / (20.0 * queries):F3}}}");
    }

    // The full scan the shard did before: one dot product per video into a k-sized heap.
    private static HashSet<float[]> Scan(float[][] vectors, float[] probe, int k)
    {
        var heap = new PriorityQueue<float[], float>(k + 1);
        foreach (var v in vectors)
        {
            var score = TensorPrimitives.Dot(probe, v);
            if (heap.Count < k)
            {
                heap.Enqueue(v, score);
            }
            else if (heap.TryPeek(out _, out var lowest) && score > lowest)
            {
                heap.DequeueEnqueue(v, score);
            }
        }

        return [.. heap.UnorderedItems.Select(x => x.Element)];
    }

    private static float[] RandomVector(int dimensions, Random random, float scale) =>
        [.. Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale))];
}
