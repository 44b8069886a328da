namespace Platform.GrainInterfaces;

/// <summary>
/// What the platform-wide owner of a comment id holds: which video and comment took the id, and, once the
/// thread has stored it, at which sequence.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.CommentClaim")]
public sealed record CommentClaim(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string? UserId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] long? Sequence)
{
    /// <summary>Whether <paramref name="draft"/> is the comment this claim was made for.</summary>
    public bool Matches(CommentDraft draft) =>
        VideoId == draft.VideoId && UserId == draft.UserId && Text == draft.Text && ParentId == draft.ParentId;
}
