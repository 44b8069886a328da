using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>One single-node platform in jwt mode shared by the identity tests; tests use fresh ids.</summary>
public sealed class JwtPlatformFixture : IAsyncLifetime
{
    public const string AdminKey = "jwt-admin-key-0123456789";

    public PlatformServer Server { get; private set; } = null!;

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync() => Server = await PlatformServer.StartAsync(TestTokens.JwtSettings(AdminKey));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class JwtPlatformCollection : ICollectionFixture<JwtPlatformFixture>
{
    public const string Name = "jwt-platform";
}
