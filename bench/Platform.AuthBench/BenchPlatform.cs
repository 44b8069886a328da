using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Extensions;
using Platform.Silo.Extensions;

namespace Platform.AuthBench;

/// <summary>
/// A single-node platform in this process (the silo's own composition, as silo/Program.cs) in open or jwt mode,
/// on a free loopback port, with the rate limits off; and the tokens its users present.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    public const string AppKey = "bench-app-key-0123456789";
    private const string Issuer = "https://id.bench";
    private const string Audience = "platform-bench";
    private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("auth bench key"));

    private readonly WebApplication _app;

    private BenchPlatform(WebApplication app, bool jwt, Uri address)
    {
        _app = app;
        Jwt = jwt;
        Address = address;
    }

    public bool Jwt { get; }

    public Uri Address { get; }

    public static async Task<BenchPlatform> StartAsync(bool jwt)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
            ["Platform:RateLimit:Enabled"] = "false",
            ["Platform:Dashboard"] = "false",
            ["Platform:Auth:Mode"] = jwt ? "jwt" : "open",
            ["Platform:Auth:SigningKey"] = Convert.ToBase64String(Key),
            ["Platform:Auth:Issuer"] = Issuer,
            ["Platform:Auth:Audience"] = Audience,
            ["Platform:Auth:AppKeys:0"] = AppKey,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Shutting one platform down while its last confirmations are in flight logs placement errors: noise here.
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.AddPlatformDefaults();
        builder.AddPlatformSilo();
        var app = builder.Build();
        app.UsePlatformDefaults();
        app.MapPlatformSilo();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchPlatform(app, jwt, new Uri(address));
    }

    /// <summary>A token for <paramref name="userId"/>, valid for an hour, as an identity provider issues it.</summary>
    public static string TokenFor(string userId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Claims = new Dictionary<string, object> { ["sub"] = userId },
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
    });

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
