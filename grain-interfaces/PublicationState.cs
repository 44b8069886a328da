namespace Platform.GrainInterfaces;

/// <summary>
/// Whether a video may be served. Only <see cref="Published"/> videos are in feeds, search, tag pages and the
/// following feed, and only they accept engagement. Stored by number: new states go at the end.
/// </summary>
public enum PublicationState
{
    Published,
    TakenDown,

    /// <summary>Waiting for an operator (pre-review, reports or a possible duplicate).</summary>
    InReview,

    /// <summary>An operator refused it after review.</summary>
    Rejected,
}
