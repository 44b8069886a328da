namespace Platform.GrainInterfaces;

/// <summary>
/// The owner of one comment id (keyed by comment id): comment ids are unique across the platform, like event
/// ids, so the first comment to claim an id keeps it. Also tells where a comment lives (for hiding and paging).
/// </summary>
public interface ICommentGrain : IGrainWithStringKey
{
    /// <summary>Claims the id for <paramref name="draft"/>, or returns the claim that already holds it. Returns once durable.</summary>
    Task<CommentClaim> ClaimAsync(CommentDraft draft);

    /// <summary>Records the sequence the thread stored the comment at. Returns once durable.</summary>
    Task ConfirmAsync(long sequence);

    /// <summary>The claim, or null when no comment holds the id.</summary>
    Task<CommentClaim?> GetAsync();

    /// <summary>Forgets the author (the account was erased); the comment stays, from a deleted user.</summary>
    Task AnonymizeAsync();
}
