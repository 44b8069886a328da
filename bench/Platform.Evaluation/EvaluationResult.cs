namespace Platform.Evaluation;

/// <summary>The evaluator's figures, printed as one JSON line.</summary>
public sealed record EvaluationResult(
    int Events,
    int Likes,
    double RecallAt10,
    double PopularityRecallAt10,
    double NdcgAt10,
    double SecondsPerEvent);
