using System.Data.Common;
using System.Net.Sockets;
using Platform.GrainInterfaces;

namespace Platform.Grains.Storage;

/// <summary>Which storage exceptions mean "the store is unavailable", and the serializable exception that replaces them.</summary>
public static class StorageFailure
{
    /// <summary>
    /// True for a failure of the store or the way to it (database errors, a pool that stayed exhausted,
    /// lost connections); false for version conflicts and cancellation, which keep their own meaning.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        StorageUnavailableException => false,
        DbException or TimeoutException or SocketException or IOException => true,

        // The ADO.NET provider wraps some driver errors; the cause decides.
        { InnerException: { } inner } when exception is not (Orleans.Storage.InconsistentStateException or OperationCanceledException) => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>
    /// The exception a grain raises instead of <paramref name="cause"/>: it keeps the driver's message
    /// (and SQL state) as text but not the driver's exception object, which may not cross silos.
    /// </summary>
    public static StorageUnavailableException Unavailable(string operation, string stateName, GrainId grainId, Exception cause)
    {
        var root = cause;
        while (root is not DbException && root.InnerException is { } inner)
        {
            root = inner;
        }

        var sqlState = root is DbException { SqlState: { } state } ? $" (SQL state {state})" : "";
        return new StorageUnavailableException(
            $"Storage is unavailable: could not {operation} state {stateName} of {grainId}: {root.GetType().Name}{sqlState}: {root.Message}");
    }
}
