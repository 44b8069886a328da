using BenchmarkDotNet.Attributes;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Benchmarks;

/// <summary>
/// What one catalog shard's co-engagement index spends per event of the ingest bench (uniform users and videos,
/// 20k each): the event's video paired with the user's 20 recent videos both ways, edges kept for the shard's own
/// eighth of the videos, the index at its edge cap (warmed with 400,000 events first). Every shard pays this for
/// every positive event.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class CoEngagementRecordBenchmarks
{
    private const int Videos = 20_000, Users = 20_000, Batch = 10_000;
    private readonly RankingOptions _ranking = new();
    private readonly Random _random = new(7);
    private CoEngagementIndex _index = null!;
    private string[] _ids = null!;
    private HashSet<string> _local = null!;
    private List<string>[] _recent = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ids = [.. Enumerable.Range(0, Videos).Select(i => $"p1-v{i}")];
        _local = [.. _ids.Where((_, i) => i % 8 == 0)];
        _recent = [.. Enumerable.Range(0, Users).Select(_ => new List<string>())];
        _index = new CoEngagementIndex(_ranking.MaxNeighbours, _ranking.MaxCoEngagementEdges);
        for (var i = 0; i < 400_000; i++)
        {
            RecordOne();
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int RecordEvent()
    {
        for (var i = 0; i < Batch; i++)
        {
            RecordOne();
        }

        return _index.EdgeCount;
    }

    private void RecordOne()
    {
        var recent = _recent[_random.Next(Users)];
        var video = _ids[_random.Next(Videos)];
        _index.Record(video, recent, _ranking.CoEngagementWindow, _ranking.CoEngagementDecay, _local.Contains);
        recent.Insert(0, video);
        if (recent.Count > _ranking.CoEngagementWindow)
        {
            recent.RemoveAt(recent.Count - 1);
        }
    }
}
