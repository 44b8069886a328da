using System.Text.Json.Serialization;
using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A video in the moderation queue, with its report count.</summary>
public sealed record ModerationQueueEntry(
    string VideoId,
    string CreatorId,
    string Title,
    DateTimeOffset Since,
    ReviewReason Reason,
    int Reports,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DuplicateOf);
