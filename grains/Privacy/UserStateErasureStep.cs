using Platform.GrainInterfaces;

namespace Platform.Grains.Privacy;

/// <summary>The user grain's state: counters, histories, embeddings, settings, its pending feed signals and reminder.</summary>
public sealed class UserStateErasureStep(IGrainFactory grains) : IUserErasureStep
{
    public string Name => "user-state";

    public Task EraseAsync(string userId, CancellationToken cancellationToken) => grains.GetGrain<IUserGrain>(userId).EraseAsync();
}
