using Platform.GrainInterfaces;
using Platform.Grains.Privacy;

namespace Platform.Grains.Content;

/// <summary>Erasure of a user's comments: each shows as from a deleted user (text kept, author gone).</summary>
public sealed class CommentErasureStep(IGrainFactory grains) : IUserErasureStep
{
    public string Name => "comments";

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        grains.GetGrain<IUserCommentsGrain>(userId).AnonymizeAsync();
}
