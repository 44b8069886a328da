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
}
