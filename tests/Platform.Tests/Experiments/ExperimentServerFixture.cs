using Platform.Tests.Infrastructure;

namespace Platform.Tests.Experiments;

/// <summary>
/// A platform of its own for experiment tests: a running experiment changes the feeds of the users it
/// assigns, so these tests never share a server with tests that check feeds. Silos reload the running
/// list and flush counts every 100 ms so tests wait little.
/// </summary>
public sealed class ExperimentServerFixture : IAsyncLifetime
{
    public const string AdminKey = "experiments-admin-key";

    public PlatformServer Server { get; private set; } = null!;

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync() =>
        Server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:AdminApiKey"] = AdminKey,
            ["Platform:Experiments:RefreshInterval"] = "00:00:00.100",
            ["Platform:Experiments:FlushInterval"] = "00:00:00.100",
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ExperimentCollection : ICollectionFixture<ExperimentServerFixture>
{
    public const string Name = "experiments";
}
