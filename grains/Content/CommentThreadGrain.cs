using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Content;

/// <summary>
/// A video's comments. The head (<see cref="CommentThreadState"/>) holds the newest page; each full page is
/// sealed into its own storage record, and only <see cref="ModerationOptions.CachedCommentPages"/> of those stay
/// in memory, so a thread with a million comments costs a few pages of memory. A post is stored in the head
/// with a pending follow-up (confirm the id's claim, index it under its author, count it once through the
/// author's event path) that is finished before the post is answered, and again after a crash.
/// </summary>
public sealed partial class CommentThreadGrain(
    [PersistentState(StorageNames.CommentThreadState, StorageNames.Provider)] IPersistentState<CommentThreadState> state,
    IOptions<ModerationOptions> options,
    ILogger<CommentThreadGrain> logger,
    TimeProvider time) : Grain, ICommentThreadGrain
{
    /// <summary>Prefix of the event id under which a comment counts: '/' never occurs in a client's event id.</summary>
    public const string CommentEventPrefix = "comment/";

    private readonly CommentPageCache<GrainState<CommentThreadPage>> _pages = new(options.Value.CachedCommentPages);
    private IGrainStorage _storage = null!;

    private CommentThreadState Thread => state.State;

    private int PageSize => Thread.PageSize;

    private long OpenStart => (long)Thread.SealedPages * PageSize;

    private string VideoId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        if (Thread.PageSize == 0)
        {
            Thread.PageSize = options.Value.CommentPageSize;
        }

        // What a crash interrupted is finished before anything new is taken.
        if (Thread.Pending.Count > 0)
        {
            try
            {
                await FinishPendingAsync();
            }
            catch (Exception ex)
            {
                LogFollowUpFailed(logger, ex, VideoId, Thread.Pending.Count);
            }
        }
    }

    public async Task<CommentPostResult> PostAsync(CommentDraft draft)
    {
        if (FindOpen(draft.CommentId) is { } known)
        {
            return await AnswerRepeatAsync(draft, known);
        }

        var video = await GrainFactory.GetGrain<IVideoGrain>(VideoId).GetInfoAsync();
        if (video is null)
        {
            return new CommentPostResult(CommentPostStatus.UnknownVideo, null);
        }

        if (draft.ParentId is { } parentId && await FindParentAsync(parentId) is null)
        {
            return new CommentPostResult(CommentPostStatus.UnknownParent, null);
        }

        var claim = await GrainFactory.GetGrain<ICommentGrain>(draft.CommentId).ClaimAsync(draft);
        if (!claim.Matches(draft))
        {
            return new CommentPostResult(CommentPostStatus.Conflict, null);
        }

        if (claim.Sequence is { } stored)
        {
            // Posted before and already sealed into an older page.
            var comment = await GetAsync(stored);
            return await AnswerRepeatAsync(draft, comment!);
        }

        if (!video.IsPublished)
        {
            return new CommentPostResult(CommentPostStatus.NotPublished, null);
        }

        if (Thread.Open.Count >= PageSize)
        {
            await SealAsync();
        }

        var now = time.GetUtcNow();
        var added = new Comment(draft.CommentId, Thread.Next, draft.UserId, draft.Text, now, draft.ParentId, 0, false);
        if (draft.ParentId is { } parent && await FindParentAsync(parent) is { } parentAt)
        {
            await UpdateAsync(parentAt, c => c with { Replies = c.Replies + 1 }, writeHead: false);
        }

        Thread.Open.Add(added);
        Thread.Next++;
        Thread.Pending.Add(new PendingComment(added.CommentId, draft.UserId, added.Sequence, now));
        await WriteHeadAsync();
        await FinishPendingAsync();
        NotifyCreator(video.CreatorId, added);
        return new CommentPostResult(CommentPostStatus.Created, added);
    }

    public async Task<CommentPage> ListAsync(int count, long? beforeSequence)
    {
        var items = new List<Comment>(count);
        for (var s = Math.Min(beforeSequence ?? Thread.Next, Thread.Next) - 1; s >= 0 && items.Count < count; s--)
        {
            if (await GetAsync(s) is { Hidden: false } comment)
            {
                items.Add(comment);
            }
        }

        return new CommentPage([.. items]);
    }

    public async Task<bool> HideAsync(string commentId, long sequence)
    {
        if (await GetAsync(sequence) is not { } comment || comment.CommentId != commentId)
        {
            return false;
        }

        if (!comment.Hidden)
        {
            await UpdateAsync(sequence, c => c with { Hidden = true }, writeHead: true);
        }

        return true;
    }

    public async Task AnonymizeAsync(string userId, long[] sequences)
    {
        var headChanged = false;
        foreach (var sequence in sequences.Distinct().Order())
        {
            if (await GetAsync(sequence) is { } comment && comment.UserId == userId)
            {
                await UpdateAsync(sequence, c => c with { UserId = null }, writeHead: false);
                headChanged |= sequence >= OpenStart;
            }
        }

        if (headChanged)
        {
            await WriteHeadAsync();
        }
    }

    private Comment? FindOpen(string commentId)
    {
        foreach (var comment in Thread.Open)
        {
            if (comment.CommentId == commentId)
            {
                return comment;
            }
        }

        return null;
    }

    /// <summary>The same comment again: finished if its follow-up was interrupted, else answered as it is.</summary>
    private async Task<CommentPostResult> AnswerRepeatAsync(CommentDraft draft, Comment known)
    {
        if (known.UserId != draft.UserId || known.Text != draft.Text || known.ParentId != draft.ParentId)
        {
            return new CommentPostResult(CommentPostStatus.Conflict, null);
        }

        if (Thread.Pending.Exists(p => p.CommentId == known.CommentId))
        {
            await FinishPendingAsync();
        }

        return new CommentPostResult(CommentPostStatus.AlreadyPosted, known);
    }

    /// <summary>The sequence of <paramref name="parentId"/> when it is a comment of this thread.</summary>
    private async Task<long?> FindParentAsync(string parentId)
    {
        if (FindOpen(parentId) is { } open)
        {
            return open.Sequence;
        }

        var claim = await GrainFactory.GetGrain<ICommentGrain>(parentId).GetAsync();
        return claim is { Sequence: { } s } && claim.VideoId == VideoId ? s : null;
    }

    /// <summary>
    /// Confirms each pending comment's claim, indexes it under its author and counts it once: the count goes
    /// through the author's event path as a <c>comment</c> event whose id is derived from the comment id, so
    /// the user grain's duplicate check makes a repeated follow-up count nothing.
    /// </summary>
    private async Task FinishPendingAsync()
    {
        var pending = Thread.Pending.ToArray();
        var steps = new List<Task>(pending.Length * 3);
        var counts = new Task<bool>[pending.Length];
        for (var i = 0; i < pending.Length; i++)
        {
            var p = pending[i];
            steps.Add(GrainFactory.GetGrain<ICommentGrain>(p.CommentId).ConfirmAsync(p.Sequence));
            steps.Add(GrainFactory.GetGrain<IUserCommentsGrain>(p.UserId).AddAsync(new AuthoredComment(p.CommentId, VideoId, p.Sequence)));
            steps.Add(counts[i] = CountAsync(p));
        }

        await Task.WhenAll(steps);
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pending.Length; i++)
        {
            if (counts[i].Result)
            {
                done.Add(pending[i].CommentId);
            }
        }

        Thread.Pending.RemoveAll(p => done.Contains(p.CommentId));
        await WriteHeadAsync();
    }

    /// <summary>Counts the comment once; false when its video is not published now (the comment stays pending, to be counted later).</summary>
    private async Task<bool> CountAsync(PendingComment pending)
    {
        var e = new EngagementEvent(CommentEventPrefix + pending.CommentId, EngagementType.Comment, VideoId, null, 0, pending.At);
        var outcome = (await GrainFactory.GetGrain<IUserGrain>(pending.UserId).ApplyEventsAsync([e]))[0];
        if (outcome.Status == EventStatus.Rejected)
        {
            // The video left publication between the thread's check and the count: the comment is stored and stays
            // pending, so the thread's next post or activation counts it once the video is published again.
            LogNotCounted(logger, pending.CommentId, VideoId, outcome.Reason);
            return false;
        }

        return true;
    }

    private void NotifyCreator(string creatorId, Comment comment) =>
        GrainFactory.GetGrain<ICreatorGrain>(creatorId).NotifyContentAsync(new ContentNotice(
            ContentNotice.Commented, VideoId, comment.At, CommentId: comment.CommentId,
            Text: comment.Text.Length <= 80 ? comment.Text : comment.Text[..80])).Ignore();

    /// <summary>The comment at <paramref name="sequence"/>, from the head or its page; null when there is none.</summary>
    private async Task<Comment?> GetAsync(long sequence)
    {
        if (sequence < 0 || sequence >= Thread.Next)
        {
            return null;
        }

        if (sequence >= OpenStart)
        {
            return Thread.Open[(int)(sequence - OpenStart)];
        }

        var page = await PageAsync((int)(sequence / PageSize));
        var slot = (int)(sequence % PageSize);
        var comments = page.State!.Comments;
        return slot < comments.Count ? comments[slot] : null;
    }

    private async Task UpdateAsync(long sequence, Func<Comment, Comment> change, bool writeHead)
    {
        if (sequence >= OpenStart)
        {
            var slot = (int)(sequence - OpenStart);
            Thread.Open[slot] = change(Thread.Open[slot]);
            if (writeHead)
            {
                await WriteHeadAsync();
            }

            return;
        }

        var number = (int)(sequence / PageSize);
        var page = await PageAsync(number);
        var at = (int)(sequence % PageSize);
        var comments = page.State!.Comments;
        var before = comments[at];
        comments[at] = change(before);
        try
        {
            await _storage.WriteStateAsync(PageName(number), this.GetGrainId(), page);
        }
        catch
        {
            comments[at] = before;
            _pages.Forget(number);
            throw;
        }
    }

    /// <summary>Writes the full open page as its own record, then the head without it.</summary>
    private async Task SealAsync()
    {
        var number = Thread.SealedPages;
        var page = new GrainState<CommentThreadPage>(new CommentThreadPage());

        // A crash between the two writes leaves the page written and the head still full: read its ETag first.
        await _storage.ReadStateAsync(PageName(number), this.GetGrainId(), page);
        page.State = new CommentThreadPage { Comments = [.. Thread.Open] };
        await _storage.WriteStateAsync(PageName(number), this.GetGrainId(), page);
        var open = Thread.Open;
        Thread.Open = [];
        Thread.SealedPages++;
        try
        {
            await WriteHeadAsync();
        }
        catch
        {
            Thread.Open = open;
            Thread.SealedPages--;
            throw;
        }

        _pages.Remember(number, page);
    }

    private async Task<GrainState<CommentThreadPage>> PageAsync(int number)
    {
        if (_pages.Get(number) is { } cached)
        {
            return cached;
        }

        var page = new GrainState<CommentThreadPage>(new CommentThreadPage());
        await _storage.ReadStateAsync(PageName(number), this.GetGrainId(), page);
        page.State ??= new CommentThreadPage();
        _pages.Remember(number, page);
        return page;
    }

    private async Task WriteHeadAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage: the next activation starts from what is durable.
            DeactivateOnIdle();
            throw;
        }
    }

    private static string PageName(int number) => $"{StorageNames.CommentThreadState}-{number}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comment thread {VideoId}: finishing {Count} pending comments failed; the next post or activation retries")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string videoId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {VideoId} is stored and waits to be counted: {Reason}")]
    private static partial void LogNotCounted(ILogger logger, string commentId, string videoId, string? reason);
}
