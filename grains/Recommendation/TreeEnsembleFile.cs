namespace Platform.Grains.Recommendation;

/// <summary>
/// The learned ranker's file: a boosted tree ensemble (trained by tools/Platform.RankerTraining with
/// ML.NET FastTree) in plain JSON, so silos score it without ML.NET. Score = Bias + Σ Weights[t] · tree_t(x).
/// </summary>
public sealed record TreeEnsembleFile(
    string Format,
    string[] Features,
    double Bias,
    double[] Weights,
    TreeEnsembleFile.Tree[] Trees,
    DateTimeOffset TrainedAt,
    double TestAuc)
{
    public const string CurrentFormat = "platform-ranker/1";

    /// <summary>
    /// One regression tree. Node i sends x left when x[Feature[i]] &lt;= Threshold[i]; a child index
    /// c &lt; 0 is the leaf ~c.
    /// </summary>
    public sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves);
}
