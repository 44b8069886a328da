using System.Numerics.Tensors;
using Platform.GrainInterfaces;
using Platform.Grains.Engagement;
using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>
/// The platform's online learning rule, one event at a time: a matrix-factorization SGD step that
/// moves a user's vector toward the videos it engages with (and a video's toward its audience),
/// away on skips, plus an exponentially weighted short-term interest vector. Plain code: the grains
/// and the offline evaluator run exactly this.
/// </summary>
public sealed class OnlineLearner(LearningOptions options)
{
    public int Dimensions => options.Dimensions;

    public LearningOptions Options => options;

    /// <summary>
    /// The engagement strength an event expresses, in [-1, 1], or null when the event says nothing
    /// about taste in a video (follows).
    /// </summary>
    public static float? Target(EngagementType type, long watchMs, int durationMs) =>
        EngagementRules.For(type).LearningTarget(watchMs, durationMs);

    /// <summary>
    /// One SGD step of <paramref name="self"/> toward explaining <paramref name="target"/> as
    /// self · other. The result is always finite and its norm at most <see cref="LearningOptions.MaxNorm"/>.
    /// </summary>
    public void Step(Span<float> self, ReadOnlySpan<float> other, float target)
    {
        var error = target - TensorPrimitives.Dot(self, other);
        if (!float.IsFinite(error))
        {
            return;
        }

        error = Math.Clamp(error, -2f, 2f);
        var lr = options.LearningRate;
        TensorPrimitives.Multiply(self, 1f - lr * options.Regularization, self);
        TensorPrimitives.MultiplyAdd(other, lr * error, self, self);
        ClipNorm(self, options.MaxNorm);
    }

    /// <summary>
    /// What a video learns from when a user engages: the user's long-term vector plus the short-term
    /// interest. The interest is a unit-scale direction of what the user engaged with lately, so a
    /// video's vector moves toward its audience's shared taste after a few events instead of waiting
    /// for the users' long-term vectors to grow.
    /// </summary>
    public float[] TasteVector(ReadOnlySpan<float> vector, ReadOnlySpan<float> interest)
    {
        var taste = vector.ToArray();
        if (interest.Length == taste.Length)
        {
            TensorPrimitives.Add(taste, interest, taste);
        }

        return taste;
    }

    /// <summary>Moves the short-term interest toward (or, for negative targets, away from) a video.</summary>
    public void UpdateInterest(Span<float> interest, ReadOnlySpan<float> video, float target)
    {
        var norm = TensorPrimitives.Norm(video);
        if (!(norm > 1e-6f) || !float.IsFinite(norm))
        {
            return;
        }

        var rate = options.InterestRate;
        if (target > 0)
        {
            TensorPrimitives.Multiply(interest, 1f - rate, interest);
        }

        TensorPrimitives.MultiplyAdd(video, rate * target / norm, interest, interest);
        ClipNorm(interest, 1f);
    }

    /// <summary>
    /// A new video's starting embedding: a deterministic function of its id and tags, so videos that
    /// share tags start close together (content-based cold start) and every silo computes the same vector.
    /// </summary>
    public float[] SeedVideo(string videoId, IReadOnlyList<string> tags)
    {
        var vector = new float[options.Dimensions];
        AddPseudoRandom(vector, IdHash.Of(videoId), 0.5f);
        foreach (var tag in tags)
        {
            AddPseudoRandom(vector, IdHash.Of(tag.ToLowerInvariant(), 0x7a67UL), 1f);
        }

        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Multiply(vector, options.SeedScale / Math.Max(norm, 1e-6f), vector);
        return vector;
    }

    /// <summary>Scales <paramref name="vector"/> down to <paramref name="maxNorm"/> if longer; zeroes it if not finite.</summary>
    public static void ClipNorm(Span<float> vector, float maxNorm)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm))
        {
            vector.Clear();
        }
        else if (norm > maxNorm)
        {
            TensorPrimitives.Multiply(vector, maxNorm / norm, vector);
        }
    }

    private static void AddPseudoRandom(Span<float> vector, ulong seed, float scale)
    {
        var state = seed;
        for (var i = 0; i < vector.Length; i++)
        {
            // splitmix64 stream: uniform in [-1, 1).
            state += 0x9e3779b97f4a7c15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            z ^= z >> 31;
            vector[i] += scale * ((z >> 40) / (float)(1UL << 23) - 1f);
        }
    }
}
