namespace Platform.GrainInterfaces;

/// <summary>Why a video is in review. Stored by number: new reasons go at the end.</summary>
public enum ReviewReason
{
    /// <summary><c>Platform:Moderation:PreReview</c> holds every new upload for review.</summary>
    PreReview,

    /// <summary>Its fingerprint is near a published video of another creator.</summary>
    PossibleDuplicate,

    /// <summary>Enough distinct users reported it.</summary>
    Reports,
}
