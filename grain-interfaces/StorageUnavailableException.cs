namespace Platform.GrainInterfaces;

/// <summary>
/// The state store (PostgreSQL) failed or could not be reached, so a grain could not read or write its
/// state and changed nothing durable. Raised by the platform's grain storage in place of the driver's
/// own exception, which Orleans cannot carry between silos; the request may be retried safely (event
/// and entity ids make retries idempotent), which the gateway says with a 503 and <c>Retry-After</c>.
/// </summary>
[GenerateSerializer, Alias("Platform.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
