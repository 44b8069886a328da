using Platform.GrainInterfaces;

namespace Platform.Api.Privacy;

/// <summary>The user's wallet (balance, spending, credits) and payment journal: reported before any erasure.</summary>
public sealed class WalletExportPart(IGrainFactory grains) : IUserExportPart
{
    public async Task<IReadOnlyDictionary<string, object?>> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var wallet = grains.GetGrain<IWalletGrain>(userId);
        var balance = wallet.GetBalanceAsync();
        var journal = wallet.GetJournalAsync();
        return new Dictionary<string, object?>
        {
            ["wallet"] = await balance,
            ["payments"] = await journal,
        };
    }
}
