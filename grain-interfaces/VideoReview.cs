namespace Platform.GrainInterfaces;

/// <summary>Why a video went to review, and the original when it may be a re-upload.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoReview")]
public sealed record VideoReview(
    [property: Id(0)] ReviewReason Reason,
    [property: Id(1)] string? DuplicateOf,
    [property: Id(2)] DateTimeOffset Since);
