using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A user's following feed: the newest unviewed videos of the creators they follow, newest first.</summary>
public sealed record FollowingFeedResponse(string UserId, FollowedVideo[] Items);
