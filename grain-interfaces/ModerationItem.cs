namespace Platform.GrainInterfaces;

/// <summary>A video waiting in the moderation queue.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ModerationItem")]
public sealed record ModerationItem(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] ReviewReason Reason,
    [property: Id(5)] string? DuplicateOf);
