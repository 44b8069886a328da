using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port, removed on dispose. PostgreSQL refuses to run as root, so under root (CI) the
/// server runs as the <c>postgres</c> user through <c>runuser</c>, in a folder that user owns.
/// Needs initdb, pg_ctl and postgres on PATH (Debian: postgresql; tools/install-test-deps.sh).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private readonly string _root;
    private readonly string _data;

    private PostgresServer(string root, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=15";

    /// <summary>Starts a server; <paramref name="maxConnections"/> is its <c>max_connections</c> (PostgreSQL's own default is 100).</summary>
    public static async Task<PostgresServer> StartAsync(int maxConnections = 300)
    {
        var root = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var server = new PostgresServer(root, FreePort.Next());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["-R", $"{SystemUser}:", root]);
            }

            await RunAsPostgresAsync("initdb", ["-D", server._data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);

            // fsync off: these servers only have to outlive silo crashes, not machine crashes.
            await RunAsPostgresAsync("pg_ctl",
            [
                "-D", server._data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "start",
                "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections={maxConnections}",
            ]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and applies deploy/postgres/init.sql to it; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"platform_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionString(name);
        await ApplySchemaAsync(connectionString);
        return connectionString;
    }

    /// <summary>Runs init.sql against a database (again, when it was applied already).</summary>
    public static async Task ApplySchemaAsync(string connectionString)
    {
        var sql = await File.ReadAllTextAsync(RepositoryPaths.PostgresSchema);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(_data))
            {
                await RunAsPostgresAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"], throwOnFailure: false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temp folder is cleaned by the OS.
            }
        }
    }

    private static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    private static Task RunAsPostgresAsync(string tool, string[] args, bool throwOnFailure = true) =>
        IsRoot ? RunAsync("runuser", ["-u", SystemUser, "--", tool, .. args], throwOnFailure) : RunAsync(tool, args, throwOnFailure);

    private static async Task RunAsync(string file, string[] args, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");

        // pg_ctl's server keeps inherited handles open: read until the tool itself exits, not to EOF.
        var stdout = process.StandardOutput.ReadLineAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            var error = stderr.IsCompleted ? await stderr : "";
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {error}");
        }

        _ = stdout;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
