namespace Platform.GrainInterfaces;

/// <summary>
/// The comments one user wrote (keyed by user id): what an export lists and what erasing the account
/// anonymizes, without a scan of every video's thread.
/// </summary>
public interface IUserCommentsGrain : IGrainWithStringKey
{
    /// <summary>Records a comment of the user (idempotent by comment id). Returns once durable.</summary>
    Task AddAsync(AuthoredComment comment);

    /// <summary>Every comment the user wrote, oldest first.</summary>
    Task<AuthoredComment[]> ListAsync();

    /// <summary>
    /// Erasure: every comment of the user shows as from a deleted user (text kept, author gone), and this
    /// index is cleared. Idempotent; returns once durable everywhere.
    /// </summary>
    Task AnonymizeAsync();
}
