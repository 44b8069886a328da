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
}
