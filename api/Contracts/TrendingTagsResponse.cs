using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>Tags by engagement velocity, highest first.</summary>
public sealed record TrendingTagsResponse(TrendingTag[] Items);
