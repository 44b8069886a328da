namespace Platform.Api.Contracts;

/// <summary>A tag page: the tag's published videos, trending first.</summary>
public sealed record TagVideosResponse(string Tag, DiscoveryItem[] Items);
