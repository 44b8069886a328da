using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api.Extensions;
using Platform.Silo.Extensions;

namespace Platform.AnalyticsBench;

/// <summary>
/// A single-node platform in this process (the silo's own composition, as silo/Program.cs, in-process memory storage)
/// with analytics on or off, on a free loopback port, with the rate limits off.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchPlatform(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchPlatform> StartAsync(bool analytics)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
            ["Platform:RateLimit:Enabled"] = "false",
            ["Platform:Dashboard"] = "false",
            ["Platform:Analytics:Enabled"] = analytics ? "true" : "false",

            // Shutting a platform down while confirmations are in flight logs placement errors by the thousand: noise here.
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.AddPlatformDefaults();
        builder.AddPlatformSilo();
        var app = builder.Build();
        app.UsePlatformDefaults();
        app.MapPlatformSilo();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchPlatform(app, new Uri(address));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
