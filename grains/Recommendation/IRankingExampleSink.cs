using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// Where the platform logs ranking examples: the features a served video had when it was ranked and
/// whether the user then engaged with it (liked or shared) or not (skipped, or viewed without a like).
/// The training tool learns the ranker from these; the reason the video was served with goes along, so a
/// ranking can be debugged from the log. Implementations must be cheap and thread-safe.
/// </summary>
public interface IRankingExampleSink
{
    /// <summary>True when examples are kept; when false, callers skip the work of building them.</summary>
    bool Enabled { get; }

    void Write(ReadOnlySpan<float> features, bool engaged, FeedReason? reason = null);
}
