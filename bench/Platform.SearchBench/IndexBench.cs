using System.Diagnostics;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Search;

namespace Platform.SearchBench;

/// <summary>
/// The catalog shards' discovery indexes in this process, as the shard grains hold them: build time, memory per
/// video, and query latency of one shard and of a whole-catalog query (every shard in turn, then the merge's sort).
/// </summary>
public static class IndexBench
{
    public static void Run(BenchOptions options)
    {
        var catalog = new SyntheticCatalog(options.Items, options.Seed);
        var search = new SearchOptions();
        var catalogOptions = new CatalogOptions { Shards = options.Shards };
        Console.WriteLine($"catalog: {options.Videos:N0} videos over {options.Shards} shards; {catalog.EnglishWords:N0} English words, 64 Chinese words");

        // SmartCn's dictionaries are loaded once per process: measured on their own, then left out of the per-video figure.
        var heapEmpty = Heap();
        using (var warm = new DiscoveryIndex(search, catalogOptions, TimeProvider.System))
        {
            warm.Upsert(Video("warm", "c-0", "三分钟学会刀工 knife skills", ["美食"]));
            warm.Refresh();
            warm.Search("刀工", 1);
        }

        var heapBefore = Heap();
        var shards = new DiscoveryIndex[options.Shards];
        for (var s = 0; s < shards.Length; s++)
        {
            shards[s] = new DiscoveryIndex(search, catalogOptions, TimeProvider.System);
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var built = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < options.Videos; i++)
        {
            var id = $"v-{i}";
            var shard = shards[IdHash.Shard(id, options.Shards)];
            shard.Upsert(Video(id, $"c-{i % 1000}", catalog.Title(), catalog.Tags()));
            shard.Report(id, new VideoSignals(catalog.Next(10_000), catalog.Next(500), 0, 0, catalog.Next(50), catalog.Next(20)), now);
        }

        foreach (var shard in shards)
        {
            shard.Refresh();
        }

        var buildSeconds = built.Elapsed.TotalSeconds;
        process.Refresh();
        var buildCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var heapAfter = Heap();
        var files = shards.Sum(s => s.TextIndexBytes);
        var tags = shards.Sum(s => s.TagCount);
        Console.WriteLine($"built in {buildSeconds:F1} s wall, {buildCpu:F1} s CPU ({options.Videos / buildCpu:N0} videos per CPU-second, incl. Lucene's merge threads and GC)");
        Console.WriteLine($"SmartCn dictionaries (once per process): {(heapBefore - heapEmpty) / 1048576.0:F1} MiB of managed heap");
        Console.WriteLine($"discovery indexes: {(heapAfter - heapBefore) / 1048576.0:F1} MiB of managed heap = {(heapAfter - heapBefore) / (double)options.Videos:F0} bytes per video " +
            $"(Lucene files {files / (double)options.Videos:F0} bytes per video; the rest is titles, tags, entries and the tag index); {tags:N0} shard-tag lists");

        var shardQuery = new Latencies($"search, one shard (of {options.Shards}, {options.Videos / options.Shards:N0} videos)");
        var catalogQuery = new Latencies($"search, whole catalog ({options.Shards} shards one after another + merge)");
        var tagPage = new Latencies("tag page, whole catalog");
        var trending = new Latencies("trending tags, whole catalog (count 10: 50 per shard, then the winners' figures)");
        var hits = 0L;
        var warmup = options.Queries / 10;
        var all = new List<SearchHit>();
        process.Refresh();
        var queryCpuBefore = process.TotalProcessorTime;
        var queryWall = Stopwatch.StartNew();
        for (var q = 0; q < warmup + options.Queries; q++)
        {
            var query = catalog.Query();
            var started = Stopwatch.GetTimestamp();
            all.Clear();
            for (var s = 0; s < shards.Length; s++)
            {
                var shardStarted = Stopwatch.GetTimestamp();
                all.AddRange(shards[s].Search(query, 20));
                if (q >= warmup)
                {
                    shardQuery.Record(Stopwatch.GetElapsedTime(shardStarted));
                }
            }

            all.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (q >= warmup)
            {
                catalogQuery.Record(Stopwatch.GetElapsedTime(started));
                hits += Math.Min(20, all.Count);
            }
        }

        process.Refresh();
        var cpuPerQuery = (process.TotalProcessorTime - queryCpuBefore).TotalMilliseconds / (warmup + options.Queries);
        var wallPerQuery = queryWall.Elapsed.TotalMilliseconds / (warmup + options.Queries);
        for (var q = 0; q < warmup + (options.Queries / 10); q++)
        {
            var tag = catalog.Tag();
            var started = Stopwatch.GetTimestamp();
            foreach (var shard in shards)
            {
                shard.TagVideos(tag, 20, now);
            }

            if (q >= warmup)
            {
                tagPage.Record(Stopwatch.GetElapsedTime(started));
            }

            started = Stopwatch.GetTimestamp();
            var proposals = shards.SelectMany(s => s.TrendingTags(50, now)).GroupBy(t => t.Tag).OrderByDescending(g => g.Sum(t => t.Score)).Take(10).Select(g => g.Key).ToArray();
            foreach (var shard in shards)
            {
                shard.TagStats(proposals, now);
            }

            if (q >= warmup)
            {
                trending.Record(Stopwatch.GetElapsedTime(started));
            }
        }

        Console.WriteLine($"queries: {options.Queries:N0} (after {warmup:N0} warm-up), {hits / (double)options.Queries:F1} results per query on average (count 20)");
        Console.WriteLine($"whole-catalog search: {cpuPerQuery:F3} ms of CPU per query, {wallPerQuery:F3} ms of wall time per query (one thread; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Latencies.PrintHeader();
        foreach (var latencies in new[] { shardQuery, catalogQuery, tagPage, trending })
        {
            Console.WriteLine(latencies.Row());
        }

        GC.KeepAlive(shards);
        foreach (var shard in shards)
        {
            shard.Dispose();
        }
    }

    private static CatalogVideo Video(string id, string creatorId, string title, string[] tags) =>
        new(id, creatorId, [], DateTimeOffset.UtcNow, VideoSignals.None) { Title = title, Tags = tags };

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
