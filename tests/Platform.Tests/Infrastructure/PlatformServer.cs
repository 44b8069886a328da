using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api.Extensions;
using Platform.Silo.Extensions;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A real single-node platform in this process: the silo's own composition (as silo/Program.cs),
/// Kestrel on a free loopback port, and an <see cref="HttpClient"/> pointed at it.
/// </summary>
public sealed class PlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlatformServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a platform; <paramref name="settings"/> override configuration keys (e.g. "Platform:AdminApiKey"), and
    /// <paramref name="services"/> adds services before the platform's own (e.g. an extra erasure step).
    /// </summary>
    public static async Task<PlatformServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);
        builder.AddPlatformDefaults();
        builder.AddPlatformSilo();

        var app = builder.Build();
        app.UsePlatformDefaults();
        app.MapPlatformSilo();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PlatformServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
