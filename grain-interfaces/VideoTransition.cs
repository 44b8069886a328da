namespace Platform.GrainInterfaces;

/// <summary>A request to move a video to another state.</summary>
/// <param name="Action">The move.</param>
/// <param name="Actor">Who asks: an operator, or <c>system</c> for automatic moves.</param>
/// <param name="Note">The operator's note, if any.</param>
/// <param name="Review">Why, for a move into review.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoTransition")]
public sealed record VideoTransition(
    [property: Id(0)] ModerationAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Note,
    [property: Id(3)] VideoReview? Review = null)
{
    /// <summary>The actor of automatic moves.</summary>
    public const string SystemActor = "system";
}
