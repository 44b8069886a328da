namespace Platform.GrainInterfaces;

/// <summary>What moves a video between states (the audit log's <c>action</c>). Stored by number: new ones go at the end.</summary>
public enum ModerationAction
{
    /// <summary>Registered (straight to published, or held for review).</summary>
    Register,

    /// <summary>inReview to published.</summary>
    Approve,

    /// <summary>inReview to rejected.</summary>
    Reject,

    /// <summary>takenDown or rejected to published.</summary>
    Restore,

    /// <summary>Any state to takenDown.</summary>
    TakeDown,

    /// <summary>published to inReview, when enough users reported it (automatic).</summary>
    Review,
}
