namespace Platform.GrainInterfaces;

/// <summary>Where a user's erasure stands.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Erased">True once every erasure step is done (and the erasure's own record is gone).</param>
/// <param name="Remaining">The steps still to run (by name): they run again on the next request or reminder.</param>
[GenerateSerializer, Immutable, Alias("Platform.ErasureStatus")]
public sealed record ErasureStatus(
    [property: Id(0)] string UserId,
    [property: Id(1)] bool Erased,
    [property: Id(2)] string[] Remaining);
