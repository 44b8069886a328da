using BenchmarkDotNet.Attributes;
using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Benchmarks;

/// <summary>
/// The retrieval step: one catalog shard answering one feed query. A catalog of N videos is spread
/// over the default 8 shards, so each index here holds N / 8 videos and a feed pays this 8 times.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class CandidateIndexBenchmarks
{
    private const int Shards = 8;
    private CandidateIndex _index = null!;
    private CandidateQuery _query = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int CatalogVideos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var feed = new FeedOptions();
        _index = new CandidateIndex(new CatalogOptions(), feed);
        var perShard = CatalogVideos / Shards;
        var videos = new CatalogVideo[perShard];
        for (var i = 0; i < perShard; i++)
        {
            videos[i] = Fixtures.Video(random, i, Math.Max(1, CatalogVideos / 20));
            _index.Upsert(videos[i], Fixtures.Now - TimeSpan.FromMinutes(5));
        }

        // One video in ten has recent engagement, so the trending source has work to do.
        for (var i = 0; i < perShard; i += 10)
        {
            _index.Report(videos[i].VideoId, videos[i].Vector, videos[i].Signals with { RecentEngagement = 1 + random.Next(50) }, Fixtures.Now - TimeSpan.FromMinutes(1));
        }

        var viewed = Enumerable.Range(0, 500).Select(i => $"v-{random.Next(CatalogVideos)}").ToArray();
        var count = 10;
        _query = new CandidateQuery(
            Fixtures.Vector(random, 0.5f),
            Fixtures.Vector(random, 0.2f),
            [.. Enumerable.Range(0, 20).Select(i => $"c-{i}")],
            ExclusionFilter.Create(viewed),
            Math.Clamp(count * 2 / Shards + 5, 5, 100));
    }

    /// <summary>All candidate sources of one shard for one feed request.</summary>
    [Benchmark]
    public Candidate[] Query() => _index.Query(_query, Fixtures.Now);
}
