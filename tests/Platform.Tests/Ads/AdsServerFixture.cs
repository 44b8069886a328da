using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Ads;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Ads;

/// <summary>
/// A platform of its own for ad tests (campaigns would otherwise show up in other tests' feeds), with the ad loop
/// and leases sped up so tests wait milliseconds, not seconds. Every campaign created on it targets a tag of its
/// own test, so tests sharing it never see each other's ads.
/// </summary>
public sealed class AdsServerFixture : IAsyncLifetime
{
    public const string AdminKey = "ads-admin-key";

    public PlatformServer Server { get; private set; } = null!;

    public HttpClient Http => Server.Http;

    public AdService Ads => Server.Services.GetRequiredService<AdService>();

    public static Dictionary<string, string?> FastAds(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:AdminApiKey"] = AdminKey,
            ["Platform:Ads:TickInterval"] = "00:00:00.050",
            ["Platform:Ads:DirectoryRefresh"] = "00:00:00.200",
            ["Platform:Ads:StandingRefresh"] = "00:00:00.200",
            ["Platform:Ads:LeaseDuration"] = "00:00:03",
            ["Platform:Ads:RenewAhead"] = "00:00:00.500",
            ["Platform:Ads:LeaseGrace"] = "00:00:00.500",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task InitializeAsync() => Server = await PlatformServer.StartAsync(FastAds());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AdsCollection : ICollectionFixture<AdsServerFixture>
{
    public const string Name = "ads";
}
