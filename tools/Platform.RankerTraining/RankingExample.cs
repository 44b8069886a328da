using Microsoft.ML.Data;
using Platform.Grains.Recommendation;

namespace Platform.RankerTraining;

/// <summary>One logged impression: its <see cref="RankingFeatures"/> and whether the user engaged.</summary>
public sealed class RankingExample
{
    public bool Label { get; set; }

    [VectorType(RankingFeatures.Count)]
    public float[] Features { get; set; } = [];
}
