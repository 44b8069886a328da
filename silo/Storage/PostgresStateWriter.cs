using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;
using Platform.Grains.Storage;

namespace Platform.Silo.Storage;

/// <summary>
/// Group commit across grains for the PostgreSQL grain storage: writes queue up, and each of a few
/// writer loops takes everything queued (up to <see cref="MaxBatch"/>) into one transaction of
/// pipelined statements, one round trip and one WAL flush for all of them. Each statement is the
/// schema's own <c>WriteToStorageKey</c> query (deploy/postgres/init.sql), so each write keeps its
/// version check and rows stay readable by the ADO.NET provider.
/// </summary>
public sealed partial class PostgresStateWriter : IGrainStateWriter, IAsyncDisposable
{
    /// <summary>Most writes in one transaction.</summary>
    public const int MaxBatch = 256;

    /// <summary>Transactions in flight at once (connections used).</summary>
    public const int Writers = 4;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly ILogger<PostgresStateWriter> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Lazy<Task<string>> _query;
    private readonly Task[] _loops;

    public PostgresStateWriter(string connectionString, IOptions<ClusterOptions> cluster, ILogger<PostgresStateWriter> logger)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _serviceId = cluster.Value.ServiceId;
        _logger = logger;
        _query = new Lazy<Task<string>>(LoadQueryAsync);
        _loops = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteLoopAsync))];
    }

    public Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag) =>
        WriteAsync(stateName, storageId, payload, etag, []);

    public Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag, Platform.Grains.Analytics.SeriesRow[] rows)
    {
        var write = new PendingWrite(stateName, storageId.Key.ToString(), payload, etag is null ? null : int.Parse(etag), rows);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(PostgresStateWriter));
        }

        return write.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        await _dataSource.DisposeAsync();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception ex)
            {
                LogBatchFailed(_logger, ex, batch.Count);
                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> writes)
    {
        var query = await _query.Value;
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(query);
            command.Parameters.Add(new NpgsqlParameter<int>("GrainIdHash", 0));
            command.Parameters.Add(new NpgsqlParameter<long>("GrainIdN0", 0L));
            command.Parameters.Add(new NpgsqlParameter<long>("GrainIdN1", 0L));
            command.Parameters.Add(new NpgsqlParameter<int>("GrainTypeHash", 0));
            command.Parameters.Add(new NpgsqlParameter<string>("GrainTypeString", write.StateName));
            command.Parameters.Add(new NpgsqlParameter<string>("GrainIdExtensionString", write.Key));
            command.Parameters.Add(new NpgsqlParameter<string>("ServiceId", _serviceId));
            command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)write.Version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<byte[]>("PayloadBinary", NpgsqlDbType.Bytea) { TypedValue = write.Payload });
            batch.BatchCommands.Add(command);
        }

        var versions = new int?[writes.Count];
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < writes.Count; i++)
            {
                if (await reader.ReadAsync())
                {
                    versions[i] = reader.GetInt32(0);
                }

                await reader.NextResultAsync();
            }
        }

        // Series rows of the writes that succeeded, in their transaction (a second round trip only when there are any).
        await SeriesRowBatch.WriteAsync(connection, transaction, _serviceId, writes.Where((w, i) => versions[i] is not null).SelectMany(w => w.Rows));
        await transaction.CommitAsync();
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (versions[i] is { } version)
            {
                write.Done.TrySetResult(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                write.Done.TrySetException(new InconsistentStateException(
                    $"Version conflict writing state {write.StateName} of {write.Key}: the stored version is not {write.Version?.ToString() ?? "absent"}."));
            }
        }
    }

    private async Task<string> LoadQueryAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'");
        return await command.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException("OrleansQuery has no WriteToStorageKey: apply deploy/postgres/init.sql.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} grain state writes failed; each grain retries")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record PendingWrite(string StateName, string Key, byte[] Payload, int? Version, Platform.Grains.Analytics.SeriesRow[] Rows)
    {
        public TaskCompletionSource<string> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
