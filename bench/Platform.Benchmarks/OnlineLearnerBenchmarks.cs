using BenchmarkDotNet.Attributes;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Benchmarks;

/// <summary>The per-event embedding update of a user (SGD step plus interest) and of a video.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class OnlineLearnerBenchmarks
{
    private readonly OnlineLearner _learner = new(new LearningOptions());
    private float[] _user = [];
    private float[] _interest = [];
    private float[] _video = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _user = Fixtures.Vector(random);
        _interest = Fixtures.Vector(random, 0.1f);
        _video = Fixtures.Vector(random);
    }

    [Benchmark]
    public void Step() => _learner.Step(_user, _video, 0.8f);

    [Benchmark]
    public void UpdateInterest() => _learner.UpdateInterest(_interest, _video, 0.8f);

    /// <summary>What a user grain does per applied event: target, step, interest update.</summary>
    [Benchmark]
    public void UserEventUpdate()
    {
        if (OnlineLearner.Target(GrainInterfaces.EngagementType.View, 20_000, 30_000) is { } target)
        {
            _learner.Step(_user, _video, target);
            _learner.UpdateInterest(_interest, _video, target);
        }
    }
}
