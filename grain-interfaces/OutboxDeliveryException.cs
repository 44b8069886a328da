namespace Platform.GrainInterfaces;

/// <summary>
/// Some outbox entries could not be delivered yet. The events they come from are durable and the
/// entries will be delivered (once); the request that raised it may be retried safely.
/// </summary>
[GenerateSerializer, Alias("Platform.OutboxDeliveryException")]
public sealed class OutboxDeliveryException : Exception
{
    public OutboxDeliveryException()
    {
    }

    public OutboxDeliveryException(string message)
        : base(message)
    {
    }

    public OutboxDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
