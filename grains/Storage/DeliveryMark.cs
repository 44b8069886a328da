namespace Platform.Grains.Storage;

/// <summary>
/// The last delivery a receiver applied from one sender, as <see cref="DeliveryLedger"/> stored it by sender id before
/// its compact form: read from older stored state only.
/// </summary>
[GenerateSerializer, Alias("Platform.DeliveryMark")]
public sealed class DeliveryMark
{
    /// <summary>The highest sequence applied from the sender.</summary>
    [Id(0)] public long Sequence { get; set; }

    /// <summary>When it was applied.</summary>
    [Id(1)] public DateTimeOffset AppliedAt { get; set; }

    /// <summary>Whether the sender confirmed it will never resend up to <see cref="Sequence"/>.</summary>
    [Id(2)] public bool Confirmed { get; set; }
}
