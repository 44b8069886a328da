namespace Platform.Grains.Recommendation;

/// <summary>
/// Where the platform logs ranking examples: the features a served video had when it was ranked and
/// whether the user then engaged with it (liked or shared) or not (skipped, or viewed without a like).
/// The training tool learns the ranker from these. Implementations must be cheap and thread-safe.
/// </summary>
public interface IRankingExampleSink
{
    /// <summary>True when examples are kept; when false, callers skip the work of building them.</summary>
    bool Enabled { get; }

    void Write(ReadOnlySpan<float> features, bool engaged);
}
