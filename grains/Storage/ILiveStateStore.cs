namespace Platform.Grains.Storage;

/// <summary>A store in the silo's own memory that keeps an <see cref="ILiveState"/> as the object itself.</summary>
public interface ILiveStateStore
{
    /// <summary>
    /// Keeps <paramref name="state"/> as the state <paramref name="stateName"/> of <paramref name="storageId"/> if the
    /// stored version is still <paramref name="etag"/>, and adds <paramref name="rows"/> to the history in the same
    /// synchronous step; returns the new version. Throws <see cref="Orleans.Storage.InconsistentStateException"/>
    /// when another writer got there first.
    /// </summary>
    string Keep(string stateName, GrainId storageId, ILiveState state, string? etag, Analytics.SeriesRow[] rows);
}
