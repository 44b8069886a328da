namespace Platform.Api.Contracts;

/// <summary>One engagement event of <c>POST /v1/events</c>.</summary>
/// <param name="EventId">Unique per event: the same id again is counted as a duplicate and changes nothing.</param>
/// <param name="UserId">The user who engaged.</param>
/// <param name="VideoId">The video; required except for <c>follow</c> and <c>unfollow</c>.</param>
/// <param name="CreatorId">The creator; required for <c>follow</c> and <c>unfollow</c>.</param>
/// <param name="Type"><c>view</c>, <c>like</c>, <c>unlike</c>, <c>share</c>, <c>comment</c>, <c>skip</c>, <c>follow</c> or <c>unfollow</c>.</param>
/// <param name="WatchMs">Required for <c>view</c>, at least 0; 90% of the duration or more is a completion.</param>
/// <param name="At">ISO-8601 UTC time of the event; server time when absent.</param>
public sealed record EngagementEventRequest(
    string EventId, string UserId, string? VideoId, string? CreatorId, string Type, long? WatchMs, DateTimeOffset? At);
