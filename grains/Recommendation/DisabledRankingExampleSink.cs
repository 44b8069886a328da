using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>The sink used when no feature log is configured (<c>Platform:Ranking:FeatureLogPath</c> unset).</summary>
public sealed class DisabledRankingExampleSink : IRankingExampleSink
{
    public static readonly DisabledRankingExampleSink Instance = new();

    public bool Enabled => false;

    public void Write(ReadOnlySpan<float> features, bool engaged, FeedReason? reason = null)
    {
    }
}
