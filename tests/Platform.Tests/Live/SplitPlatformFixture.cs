using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Live;

/// <summary>
/// A silo that serves no HTTP API, and the stand-alone gateway (client-api) in its own process in
/// front of it: the creator's grain and the live stream run in different processes. The gateway
/// sends keep-alives and renews its registrations every second, so tests see both quickly.
/// </summary>
public sealed class SplitPlatformFixture : IAsyncLifetime
{
    public PlatformServer Silo { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    public IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        Silo = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:ServeApi"] = "false" });
        var configuration = Silo.Services.GetRequiredService<IConfiguration>();
        try
        {
            Gateway = await GatewayProcess.StartAsync(
                configuration["Orleans:ClusterId"]!,
                int.Parse(configuration["Orleans:GatewayPort"]!),
                new Dictionary<string, string>
                {
                    ["Platform:Live:KeepAliveInterval"] = "00:00:01",
                    ["Platform:Live:RenewInterval"] = "00:00:01",
                });
        }
        catch
        {
            await Silo.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Gateway.DisposeAsync();
        }
        finally
        {
            await Silo.DisposeAsync();
        }
    }
}
