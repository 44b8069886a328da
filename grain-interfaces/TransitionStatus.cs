namespace Platform.GrainInterfaces;

/// <summary>The outcome of a requested state change.</summary>
public enum TransitionStatus
{
    /// <summary>The video moved (or, for a takedown, already was taken down).</summary>
    Applied,

    /// <summary>The video was never registered.</summary>
    UnknownVideo,

    /// <summary>The move does not apply to the video's current state.</summary>
    NotApplicable,
}
