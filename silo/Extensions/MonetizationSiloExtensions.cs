using Platform.Api.Extensions;
using Platform.Grains.Money;
using Platform.Grains.Options;
using Platform.Grains.Privacy;

namespace Platform.Silo.Extensions;

/// <summary>
/// Wallets, tips and paid videos: Orleans transactions (their state on the platform's storage
/// provider, so ADO.NET on PostgreSQL and memory otherwise) and <see cref="MonetizationOptions"/>.
/// </summary>
public static class MonetizationSiloExtensions
{
    public static ISiloBuilder AddPlatformMonetization(this ISiloBuilder silo)
    {
        silo.UseTransactions();
        silo.Services.AddValidatedOptions<MonetizationOptions, MonetizationOptionsValidator>(MonetizationOptions.Section);
        silo.Services.AddUserErasureStep<WalletErasureStep>();
        return silo;
    }
}
