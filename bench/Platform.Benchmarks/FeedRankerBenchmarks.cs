using System.Reflection;
using BenchmarkDotNet.Attributes;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Benchmarks;

/// <summary>
/// Scoring and ranking 1,000 candidates, the user grain's work per feed request. <c>Score</c> reports
/// nanoseconds per candidate (OperationsPerInvoke = 1000) and must not allocate.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class FeedRankerBenchmarks
{
    private const int CandidateCount = 1000;
    private readonly FeedRanker _ranker = new(new FeedOptions());
    private readonly Random _random = new(7);
    private Candidate[] _candidates = [];
    private FeedRanker.UserContext _user;
    private ScoreFunction _score = null!;

    /// <summary>The ranker's per-candidate score, whether the ranker exposes it as a static or an instance method.</summary>
    private delegate double ScoreFunction(in FeedRanker.UserContext user, Candidate candidate, DateTimeOffset now);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _candidates = Fixtures.Candidates(CandidateCount);
        _user = new FeedRanker.UserContext(Fixtures.Vector(random, 0.5f), Fixtures.Vector(random, 0.2f));
        // Bound once through a delegate (about a nanosecond per call) so the benchmark builds against
        // either shape of FeedRanker.Score: static (foundation) or instance (learned ranking models).
        var method = typeof(FeedRanker).GetMethod(nameof(FeedRanker.Score), BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)!;
        _score = method.IsStatic
            ? method.CreateDelegate<ScoreFunction>()
            : method.CreateDelegate<ScoreFunction>(_ranker);
    }

    /// <summary>The blended score of each of 1,000 candidates; the figure is per candidate.</summary>
    [Benchmark(OperationsPerInvoke = CandidateCount)]
    public double Score()
    {
        var sum = 0.0;
        foreach (var candidate in _candidates)
        {
            sum += _score(_user, candidate, Fixtures.Now);
        }

        return sum;
    }

    /// <summary>A whole page of 10 from 1,000 candidates: scores, per-creator cap and MMR diversity.</summary>
    [Benchmark]
    public FeedItem[] RankPageOf10() => _ranker.Rank(_user, _candidates, 10, Fixtures.Now, _random);

    /// <summary>A page of 100 from 1,000 candidates (MMR work grows with the page).</summary>
    [Benchmark]
    public FeedItem[] RankPageOf100() => _ranker.Rank(_user, _candidates, 100, Fixtures.Now, _random);
}
