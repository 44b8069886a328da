namespace Platform.Grains.Catalog;

/// <summary>A persisted co-engagement edge: engaging with <see cref="Anchor"/> predicts <see cref="Target"/>.</summary>
[GenerateSerializer, Immutable, Alias("Platform.CoEngagementEdge")]
public sealed record CoEngagementEdge(
    [property: Id(0)] string Anchor,
    [property: Id(1)] string Target,
    [property: Id(2)] float Weight);
