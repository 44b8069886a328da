namespace Platform.GrainInterfaces;

/// <summary>What a user's grain asks each catalog shard for.</summary>
/// <param name="UserVector">The user's long-term embedding (zero for a new user).</param>
/// <param name="InterestVector">The user's short-term interest (zero without recent engagement).</param>
/// <param name="FollowedCreators">Creators whose newest videos are wanted.</param>
/// <param name="Exclusion">Bloom filter bits of videos to leave out (viewed, recently served); no false negatives.</param>
/// <param name="PerSourceLimit">How many candidates each source may return.</param>
/// <param name="RecentVideos">The user's most recently engaged videos, most recent first: co-engagement anchors.</param>
[GenerateSerializer, Immutable, Alias("Platform.CandidateQuery")]
public sealed record CandidateQuery(
    [property: Id(0)] float[] UserVector,
    [property: Id(1)] float[] InterestVector,
    [property: Id(2)] string[] FollowedCreators,
    [property: Id(3)] ulong[] Exclusion,
    [property: Id(4)] int PerSourceLimit,
    [property: Id(5)] string[]? RecentVideos = null);
