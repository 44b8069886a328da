namespace Platform.GrainInterfaces;

/// <summary>What a user did. The wire names are the lower-case member names.</summary>
public enum EngagementType
{
    View,
    Like,
    Unlike,
    Share,
    Comment,
    Skip,
    Follow,
    Unfollow,

    /// <summary>A click on an ad; counts for the campaign that served the video to the user.</summary>
    Click,

    /// <summary>A conversion after an ad; counts for the campaign that served the video to the user.</summary>
    Conversion,
}
