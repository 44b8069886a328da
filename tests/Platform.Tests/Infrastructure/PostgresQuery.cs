using Npgsql;

namespace Platform.Tests.Infrastructure;

/// <summary>Reads a figure straight from a test database, to check what the platform stored.</summary>
public static class PostgresQuery
{
    /// <summary>The first column of the first row of <paramref name="sql"/> (a count or a sum, as bigint).</summary>
    public static async Task<long> ScalarAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
