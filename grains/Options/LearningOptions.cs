namespace Platform.Grains.Options;

/// <summary>How embeddings learn from each event. Section <c>Platform:Learning</c>.</summary>
public sealed class LearningOptions
{
    public const string Section = "Platform:Learning";

    /// <summary>Embedding size, in floats, of users and videos. Default 32.</summary>
    public int Dimensions { get; set; } = 32;

    /// <summary>Step size of the online matrix-factorization update. Default 0.05.</summary>
    public float LearningRate { get; set; } = 0.05f;

    /// <summary>L2 regularization of the update. Default 0.01.</summary>
    public float Regularization { get; set; } = 0.01f;

    /// <summary>Upper bound on any embedding's L2 norm; keeps scores finite whatever the events. Default 4.</summary>
    public float MaxNorm { get; set; } = 4f;

    /// <summary>Weight of the newest event in the short-term interest vector (0..1). Default 0.3.</summary>
    public float InterestRate { get; set; } = 0.3f;

    /// <summary>Scale of a new video's seeded embedding. Default 0.3.</summary>
    public float SeedScale { get; set; } = 0.3f;
}
