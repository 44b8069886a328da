namespace Platform.GrainInterfaces;

/// <summary>A tag with its engagement velocity and the number of published videos carrying it.</summary>
/// <param name="Tag">The tag, lower-cased (tag pages and trending tags ignore case).</param>
/// <param name="Score">The sum of the trending velocities (decayed weighted engagement) of its videos.</param>
/// <param name="Videos">Published videos with the tag.</param>
[GenerateSerializer, Immutable, Alias("Platform.TrendingTag")]
public sealed record TrendingTag(
    [property: Id(0)] string Tag,
    [property: Id(1)] double Score,
    [property: Id(2)] int Videos);
