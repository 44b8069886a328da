namespace Platform.Tests.Infrastructure;

/// <summary>One platform shared by a test collection; tests use fresh random ids so they never collide.</summary>
public sealed class PlatformServerFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";

    public PlatformServer Server { get; private set; } = null!;

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync() =>
        Server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:AdminApiKey"] = AdminKey });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformServerFixture>
{
    public const string Name = "platform";
}
