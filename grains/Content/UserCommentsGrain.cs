using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Content;

/// <summary>A user's comments, for export and erasure (see <see cref="IUserCommentsGrain"/>).</summary>
public sealed class UserCommentsGrain(
    [PersistentState(StorageNames.UserCommentsState, StorageNames.Provider)] IPersistentState<UserCommentsState> state)
    : Grain, IUserCommentsGrain
{
    private HashSet<string>? _ids;

    private HashSet<string> Ids => _ids ??= new HashSet<string>(state.State.Comments.Select(c => c.CommentId), StringComparer.Ordinal);

    public async Task AddAsync(AuthoredComment comment)
    {
        if (Ids.Add(comment.CommentId))
        {
            state.State.Comments.Add(comment);
            await WriteAsync();
        }
    }

    public Task<AuthoredComment[]> ListAsync() => Task.FromResult(state.State.Comments.ToArray());

    public async Task AnonymizeAsync()
    {
        var userId = this.GetPrimaryKeyString();
        var comments = state.State.Comments;
        var threads = comments
            .GroupBy(c => c.VideoId, StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<ICommentThreadGrain>(g.Key).AnonymizeAsync(userId, [.. g.Select(c => c.Sequence)]));
        var claims = comments.Select(c => GrainFactory.GetGrain<ICommentGrain>(c.CommentId).AnonymizeAsync());
        await Task.WhenAll(threads.Concat(claims));

        // Only once every thread holds the anonymous version: a failure leaves the index for a retry.
        // Cleared, not written empty: erasure leaves no row keyed by the user.
        state.State.Comments = [];
        _ids = null;
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
