using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>
/// The head of a video's comment thread: the newest, still open page and what older pages exist. Older
/// pages are separate storage records (<see cref="CommentThreadPage"/>). Ids are never renumbered.
/// </summary>
[GenerateSerializer, Alias("Platform.CommentThreadState")]
public sealed class CommentThreadState
{
    /// <summary>The sequence the next comment gets.</summary>
    [Id(0)] public long Next { get; set; }

    /// <summary>Comments from sequence <c>SealedPages * PageSize</c> on, oldest first.</summary>
    [Id(1)] public List<Comment> Open { get; set; } = [];

    /// <summary>Full pages written as their own records (pages 0 .. SealedPages - 1).</summary>
    [Id(2)] public int SealedPages { get; set; }

    /// <summary>Stored comments whose claim, author index or count may still be owed.</summary>
    [Id(3)] public List<PendingComment> Pending { get; set; } = [];

    /// <summary>Comments per page, fixed when the thread starts (a later configuration change keeps old threads readable).</summary>
    [Id(4)] public int PageSize { get; set; }
}
