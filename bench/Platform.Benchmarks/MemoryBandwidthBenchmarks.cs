using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Platform.Benchmarks;

/// <summary>
/// The machine's memory bandwidth, the floor under any scan of embeddings: a sum (read only) and a
/// copy (read and write) over 256 MiB, far larger than any cache. Bandwidth = bytes moved / mean time.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MemoryBandwidthBenchmarks
{
    /// <summary>64 Mi floats = 256 MiB.</summary>
    public const int Floats = 64 * 1024 * 1024;

    private float[] _source = [];
    private float[] _target = [];

    [GlobalSetup]
    public void Setup()
    {
        _source = new float[Floats];
        _target = new float[Floats];
        _source.AsSpan().Fill(1f);
        _target.AsSpan().Fill(0f);
    }

    /// <summary>Reads 256 MiB.</summary>
    [Benchmark]
    public float Sum256MiB() => TensorPrimitives.Sum(_source);

    /// <summary>Reads 256 MiB and writes 256 MiB.</summary>
    [Benchmark]
    public void Copy256MiB() => _source.AsSpan().CopyTo(_target);
}
