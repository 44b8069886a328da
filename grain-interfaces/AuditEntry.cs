using System.Text.Json.Serialization;

namespace Platform.GrainInterfaces;

/// <summary>One state change of a video, kept in its audit log.</summary>
[GenerateSerializer, Immutable, Alias("Platform.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ModerationAction Action,
    [property: Id(2)] string Actor,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: Id(4)] PublicationState? From,
    [property: Id(5)] PublicationState To);
