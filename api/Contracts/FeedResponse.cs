using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A user's feed page.</summary>
public sealed record FeedResponse(string UserId, string RequestId, FeedItem[] Items);
