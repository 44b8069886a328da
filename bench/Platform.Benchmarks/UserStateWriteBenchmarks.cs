using BenchmarkDotNet.Attributes;
using Orleans.Serialization;
using Platform.Grains.Users;

namespace Platform.Benchmarks;

/// <summary>
/// What one user state write serializes, for a user in steady state (full histories: 4,096 event ids,
/// 2,000 viewed and 500 served videos), with the event-id history as ids (the format before
/// <c>RecentHashes</c>, kept for reading older state; a <c>RecentIds</c>) and as 64-bit hashes.
/// </summary>
[MemoryDiagnoser]
public class UserStateWriteBenchmarks
{
    private Serializer _serializer = null!;
    private UserState _strings = null!;
    private UserState _hashes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _serializer = Fixtures.StateSerializer();
        _strings = Filled(hashed: false);
        _hashes = Filled(hashed: true);
    }

    [Benchmark(Baseline = true)]
    public byte[] EventIdsAsStrings() => _serializer.SerializeToArray(_strings);

    [Benchmark]
    public byte[] EventIdsAsHashes() => _serializer.SerializeToArray(_hashes);

    private static UserState Filled(bool hashed)
    {
        var random = new Random(7);
        var state = new UserState { Vector = new float[32], Interest = new float[32] };
        for (var i = 0; i < 4096; i++)
        {
            var eventId = $"e-{random.NextInt64():x13}";
            if (hashed)
            {
                state.AppliedEventHashes.Add(eventId, 4096);
            }
            else
            {
                state.AppliedEvents.Add(eventId, 4096);
            }
        }

        for (var i = 0; i < 2000; i++)
        {
            state.Viewed.Add($"v-{random.NextInt64():x13}", 2000);
        }

        for (var i = 0; i < 500; i++)
        {
            state.Served.Add($"v-{random.NextInt64():x13}", 500);
        }

        return state;
    }
}
