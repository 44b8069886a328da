using Npgsql;
using NpgsqlTypes;

namespace Platform.Silo.Storage;

/// <summary>
/// Writes a group of grain states to <c>platform_grain_state</c> (deploy/postgres/init.sql) in one statement: the
/// states as arrays that <c>unnest</c> turns back into rows, each inserted when it has no version yet (nothing when
/// another activation inserted first) or updated only while the stored version is the one its grain read, exactly
/// as the schema's <c>WriteToStorageKey</c> does for one state. One statement for the group instead of one per state:
/// one parse, plan and executor start, one set of parameters. No two states of a group may share a row.
/// </summary>
internal static class StateRowBatch
{
    private const string Upsert = """
        WITH w AS (
            SELECT * FROM unnest(@state_name, @grain_key, @payload, @version) AS w(state_name, grain_key, payload, version)),
        inserted AS (
            INSERT INTO platform_grain_state
                (service_id, state_name, grain_id_n0, grain_id_n1, grain_key, grain_id_hash, state_name_hash, payload, version)
            SELECT @service, w.state_name, 0, 0, w.grain_key, 0, 0, w.payload, 1
              FROM w
             WHERE w.version IS NULL
            ON CONFLICT DO NOTHING
            RETURNING state_name, grain_key, version),
        updated AS (
            UPDATE platform_grain_state AS t
               SET payload = w.payload, version = t.version + 1, modified_at = now()
              FROM w
             WHERE w.version IS NOT NULL
               AND t.service_id = @service AND t.state_name = w.state_name AND t.grain_key = w.grain_key
               AND t.grain_id_n0 = 0 AND t.grain_id_n1 = 0 AND t.version = w.version
            RETURNING t.state_name, t.grain_key, t.version)
        SELECT state_name, grain_key, version FROM inserted
        UNION ALL
        SELECT state_name, grain_key, version FROM updated
        """;

    /// <summary>
    /// Writes <paramref name="writes"/> within <paramref name="transaction"/>; returns each one's new version, null where
    /// the stored version was not the expected one.
    /// </summary>
    public static async Task<int?[]> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string serviceId, IReadOnlyList<(string StateName, string Key, byte[] Payload, int? Version)> writes)
    {
        var names = new string[writes.Count];
        var keys = new string[writes.Count];
        var payloads = new byte[writes.Count][];
        var versions = new int?[writes.Count];
        var index = new Dictionary<(string, string), int>(writes.Count);
        for (var i = 0; i < writes.Count; i++)
        {
            (names[i], keys[i], payloads[i], versions[i]) = writes[i];
            index.Add((names[i], keys[i]), i);
        }

        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("state_name", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = names });
        command.Parameters.Add(new NpgsqlParameter<string[]>("grain_key", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payload", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = payloads });
        command.Parameters.Add(new NpgsqlParameter<int?[]>("version", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = versions });

        var written = new int?[writes.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            written[index[(reader.GetString(0), reader.GetString(1))]] = reader.GetInt32(2);
        }

        return written;
    }
}
