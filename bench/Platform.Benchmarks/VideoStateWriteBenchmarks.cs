using BenchmarkDotNet.Attributes;
using Orleans.Serialization;
using Platform.Grains.Videos;

namespace Platform.Benchmarks;

/// <summary>
/// What one video state write serializes and a reactivation reads back, for a video that heard from 2,000 users lately
/// (its delivery ledger holds a mark per user, half of them confirmed): the part of a durable event's cost that grows
/// with the video's audience.
/// </summary>
[MemoryDiagnoser]
public class VideoStateWriteBenchmarks
{
    private Serializer _serializer = null!;
    private VideoState _state = null!;
    private byte[] _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        _serializer = Fixtures.StateSerializer();
        var random = new Random(7);
        _state = new VideoState { Vector = new float[32] };
        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 2000; i++)
        {
            var user = $"u-{random.NextInt64():x13}";
            _state.Users.TryAccept(user, random.Next(1, 100), now.AddMilliseconds(i));
            if (i % 2 == 0)
            {
                _state.Users.Confirm(user, 100);
            }
        }

        _stored = _serializer.SerializeToArray(_state);
    }

    [Benchmark]
    public byte[] Write() => _serializer.SerializeToArray(_state);

    [Benchmark]
    public VideoState Read() => _serializer.Deserialize<VideoState>(_stored)!;
}
