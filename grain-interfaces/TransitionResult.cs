namespace Platform.GrainInterfaces;

/// <summary>What a state change did: the video afterwards, or why it did not apply.</summary>
/// <param name="Status">Whether the move applied.</param>
/// <param name="Video">The video as it is now; null when unknown.</param>
[GenerateSerializer, Immutable, Alias("Platform.TransitionResult")]
public sealed record TransitionResult(
    [property: Id(0)] TransitionStatus Status,
    [property: Id(1)] VideoInfo? Video);
