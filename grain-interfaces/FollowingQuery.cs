namespace Platform.GrainInterfaces;

/// <summary>What a user's grain asks each catalog shard for its following feed.</summary>
/// <param name="Creators">The creators the user follows.</param>
/// <param name="Exclusion">Bloom filter bits of the videos the user viewed; no false negatives.</param>
/// <param name="Count">How many videos the shard returns at most, newest first.</param>
[GenerateSerializer, Immutable, Alias("Platform.FollowingQuery")]
public sealed record FollowingQuery(
    [property: Id(0)] string[] Creators,
    [property: Id(1)] ulong[] Exclusion,
    [property: Id(2)] int Count);
