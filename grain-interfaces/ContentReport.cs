namespace Platform.GrainInterfaces;

/// <summary>A user's validated report of a video.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ContentReport")]
public sealed record ContentReport(
    [property: Id(0)] string UserId,
    [property: Id(1)] ReportReason Reason,
    [property: Id(2)] string? Detail);
