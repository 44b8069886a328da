namespace Platform.GrainInterfaces;

/// <summary>
/// The comments of one video (keyed by video id). Holds the newest page and a few recent ones in memory;
/// older pages are read from storage when listed.
/// </summary>
public interface ICommentThreadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts a comment, idempotent by comment id. Returns once the comment is durable, its id claimed, its
    /// author's index updated and the comment counted once in the video's and creator's counters.
    /// </summary>
    Task<CommentPostResult> PostAsync(CommentDraft draft);

    /// <summary>
    /// Up to <paramref name="count"/> visible comments, newest first, older than the comment at
    /// <paramref name="beforeSequence"/> when given.
    /// </summary>
    Task<CommentPage> ListAsync(int count, long? beforeSequence);

    /// <summary>Hides a comment of this thread from every listing. False when the thread has no such comment.</summary>
    Task<bool> HideAsync(string commentId, long sequence);

    /// <summary>Shows the comments at <paramref name="sequences"/> as from a deleted user when they are <paramref name="userId"/>'s.</summary>
    Task AnonymizeAsync(string userId, long[] sequences);
}
