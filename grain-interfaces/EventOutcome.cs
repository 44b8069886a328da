namespace Platform.GrainInterfaces;

/// <summary>The outcome of one event, in the order the events were given.</summary>
[GenerateSerializer, Immutable, Alias("Platform.EventOutcome")]
public sealed record EventOutcome(
    [property: Id(0)] EventStatus Status,
    [property: Id(1)] string? Reason = null)
{
    public static readonly EventOutcome Accepted = new(EventStatus.Accepted);
    public static readonly EventOutcome Duplicate = new(EventStatus.Duplicate);
}
