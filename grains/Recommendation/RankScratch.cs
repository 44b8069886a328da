namespace Platform.Grains.Recommendation;

/// <summary>
/// Per-thread scratch space for <see cref="FeedRanker.Rank"/>: score, penalty, norm, exploration-sample
/// and feature buffers that grow to the largest candidate list seen and are reused, so ranking allocates
/// only its page. Safe because ranking is synchronous: one call uses the buffers of its thread from start to end.
/// </summary>
internal sealed class RankScratch
{
    [ThreadStatic]
    private static RankScratch? t_current;

    public double[] Scores { get; private set; } = [];

    public double[] Penalty { get; private set; } = [];

    public float[] Norms { get; private set; } = [];

    /// <summary>Thompson samples of new videos' like rates (NaN for candidates that are not new).</summary>
    public double[] Samples { get; private set; } = [];

    public float[] Features { get; private set; } = [];

    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> PerCreator { get; } = new(StringComparer.Ordinal);

    /// <summary>This thread's scratch, with room for <paramref name="candidates"/> candidates and empty sets; buffers are overwritten before they are read.</summary>
    public static RankScratch For(int candidates)
    {
        var scratch = t_current ??= new RankScratch();
        if (scratch.Scores.Length < candidates)
        {
            var size = Math.Max(candidates, 2 * scratch.Scores.Length);
            scratch.Scores = new double[size];
            scratch.Penalty = new double[size];
            scratch.Norms = new float[size];
            scratch.Samples = new double[size];
            scratch.Features = new float[size * RankingFeatures.Count];
        }

        // Emptied here rather than after use, so a call that threw leaves nothing behind for the next.
        scratch.Seen.Clear();
        scratch.PerCreator.Clear();
        return scratch;
    }
}
