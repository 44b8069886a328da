namespace Platform.Api.Contracts;

/// <summary>A video in search results or on a tag page.</summary>
/// <param name="VideoId">The video.</param>
/// <param name="CreatorId">Its creator.</param>
/// <param name="Title">Its title.</param>
/// <param name="Tags">Its tags as registered.</param>
/// <param name="Score">Search: relevance times the engagement boost. Tag pages: the trending velocity.</param>
public sealed record DiscoveryItem(string VideoId, string CreatorId, string Title, string[] Tags, double Score);
