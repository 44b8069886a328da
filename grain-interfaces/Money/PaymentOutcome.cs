namespace Platform.GrainInterfaces;

/// <summary>The outcome of a credit, tip or purchase.</summary>
/// <param name="Status">Applied, replayed from the record, or refused (and then nothing changed).</param>
/// <param name="BalanceCents">The wallet's balance after the payment (for a replay: as recorded then).</param>
/// <param name="Earnings">The creator's earnings after the payment, when this call applied it; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("Platform.PaymentOutcome")]
public sealed record PaymentOutcome(
    [property: Id(0)] PaymentStatus Status,
    [property: Id(1)] long BalanceCents,
    [property: Id(2)] CreatorEarnings? Earnings = null);
