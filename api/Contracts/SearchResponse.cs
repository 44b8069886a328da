namespace Platform.Api.Contracts;

/// <summary>Search results, best first.</summary>
public sealed record SearchResponse(string Query, DiscoveryItem[] Items);
