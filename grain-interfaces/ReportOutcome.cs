namespace Platform.GrainInterfaces;

/// <summary>What a report did.</summary>
/// <param name="Counted">False when this user had already reported the video.</param>
/// <param name="Reports">Distinct users who have reported the video.</param>
[GenerateSerializer, Immutable, Alias("Platform.ReportOutcome")]
public sealed record ReportOutcome(
    [property: Id(0)] bool Counted,
    [property: Id(1)] int Reports);
