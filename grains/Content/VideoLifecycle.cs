using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>
/// The contract's state machine, in one place: approve inReview to published, reject inReview to rejected,
/// restore takenDown or rejected to published, take down from any state, and review (automatic, on reports)
/// published to inReview.
/// </summary>
public static class VideoLifecycle
{
    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or null when it does not apply.</summary>
    public static PublicationState? Next(PublicationState from, ModerationAction action) => (action, from) switch
    {
        (ModerationAction.Approve, PublicationState.InReview) => PublicationState.Published,
        (ModerationAction.Reject, PublicationState.InReview) => PublicationState.Rejected,
        (ModerationAction.Restore, PublicationState.TakenDown or PublicationState.Rejected) => PublicationState.Published,
        (ModerationAction.TakeDown, _) => PublicationState.TakenDown,
        (ModerationAction.Review, PublicationState.Published) => PublicationState.InReview,
        _ => null,
    };

    /// <summary>Why events on a video in <paramref name="state"/> are not accepted; null for a published one.</summary>
    public static string? RejectReason(PublicationState state) => state switch
    {
        PublicationState.Published => null,
        PublicationState.TakenDown => "video taken down",
        PublicationState.InReview => "video in review",
        PublicationState.Rejected => "video rejected",
        _ => "video not published",
    };
}
