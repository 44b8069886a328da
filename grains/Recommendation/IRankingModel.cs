namespace Platform.Grains.Recommendation;

/// <summary>Scores one candidate from its <see cref="RankingFeatures"/>; higher is better. Thread-safe.</summary>
public interface IRankingModel
{
    /// <summary>A short description for logs: the blend, or the learned model's file and time.</summary>
    string Name { get; }

    float Score(ReadOnlySpan<float> features);
}
