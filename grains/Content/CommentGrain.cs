using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Content;

/// <summary>The platform-wide owner of one comment id (see <see cref="ICommentGrain"/>).</summary>
public sealed class CommentGrain(
    [PersistentState(StorageNames.CommentState, StorageNames.Provider)] IPersistentState<CommentClaimState> state)
    : Grain, ICommentGrain
{
    public async Task<CommentClaim> ClaimAsync(CommentDraft draft)
    {
        if (state.State.Claim is { } existing)
        {
            return existing;
        }

        state.State.Claim = new CommentClaim(draft.VideoId, draft.UserId, draft.Text, draft.ParentId, null);
        await WriteAsync();
        return state.State.Claim;
    }

    public async Task ConfirmAsync(long sequence)
    {
        if (state.State.Claim is { } claim && claim.Sequence != sequence)
        {
            state.State.Claim = claim with { Sequence = sequence };
            await WriteAsync();
        }
    }

    public Task<CommentClaim?> GetAsync() => Task.FromResult(state.State.Claim);

    public async Task AnonymizeAsync()
    {
        if (state.State.Claim is { UserId: not null } claim)
        {
            state.State.Claim = claim with { UserId = null };
            await WriteAsync();
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
