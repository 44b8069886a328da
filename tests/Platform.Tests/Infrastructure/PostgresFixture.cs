namespace Platform.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server per test run, shared by every test in <see cref="PostgresCollection"/>;
/// each test takes its own database (<see cref="CreateDatabaseAsync"/>) so tests never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>A fresh database with the platform schema applied; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
