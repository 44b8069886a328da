using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;

namespace Platform.Benchmarks;

/// <summary>Deterministic synthetic data shaped like the platform's: 32-dimensional embeddings, skewed signals.</summary>
internal static class Fixtures
{
    public const int Dimensions = 32;

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The Orleans serializer with the grains' state types, as the storage providers use it.</summary>
    public static Serializer StateSerializer() => new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(Platform.Grains.Users.UserState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static float[] Vector(Random random, float scale = 0.3f)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }

        return v;
    }

    public static CatalogVideo Video(Random random, int index, int creators)
    {
        var views = (long)(1000 * Math.Pow(random.NextDouble(), 4));
        var likes = (long)(views * 0.1 * random.NextDouble());
        var signals = new VideoSignals(views, likes, views / 3, views / 8, likes / 4, 0);
        return new CatalogVideo(
            $"v-{index}",
            $"c-{index % creators}",
            Vector(random),
            Now - TimeSpan.FromHours(random.NextDouble() * 72),
            signals);
    }

    public static Candidate[] Candidates(int count, int seed = 42)
    {
        var random = new Random(seed);
        var sources = Enum.GetValues<CandidateSource>();
        var candidates = new Candidate[count];
        for (var i = 0; i < count; i++)
        {
            candidates[i] = new Candidate(Video(random, i, Math.Max(1, count / 5)), sources[i % sources.Length], random.NextDouble() * 50);
        }

        return candidates;
    }
}
