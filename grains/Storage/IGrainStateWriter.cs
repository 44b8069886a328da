namespace Platform.Grains.Storage;

/// <summary>
/// Writes serialized grain state in groups: many grains' writes share one database round trip and
/// one transaction. Each write keeps its own optimistic-concurrency check.
/// </summary>
public interface IGrainStateWriter
{
    /// <summary>
    /// Writes <paramref name="payload"/> as the state <paramref name="stateName"/> of <paramref name="storageId"/>
    /// if the stored version is still <paramref name="etag"/> (null: no row yet); returns the new version.
    /// Throws <see cref="Orleans.Storage.InconsistentStateException"/> when another writer got there first.
    /// </summary>
    Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag);

    /// <summary>
    /// As <see cref="WriteAsync(string, GrainId, byte[], string?)"/>, and adds <paramref name="rows"/> to the history
    /// table in the same transaction, only if the state write succeeds. Only a writer with a history table takes rows.
    /// </summary>
    Task<string> WriteAsync(string stateName, GrainId storageId, byte[] payload, string? etag, Analytics.SeriesRow[] rows) =>
        rows.Length == 0
            ? WriteAsync(stateName, storageId, payload, etag)
            : throw new NotSupportedException("This storage has no history table for series rows.");
}
