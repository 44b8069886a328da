namespace Platform.GrainInterfaces;

/// <summary>A change of a creator's follower count owed by one user: one entry of the user's durable outbox.</summary>
/// <param name="UserId">The following (or unfollowing) user.</param>
/// <param name="Sequence">The user's outbox sequence number: the creator applies it at most once.</param>
/// <param name="Change">+1 follow, -1 unfollow.</param>
[GenerateSerializer, Immutable, Alias("Platform.FollowChange")]
public sealed record FollowChange(
    [property: Id(0)] string UserId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] int Change);
