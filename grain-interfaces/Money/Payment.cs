namespace Platform.GrainInterfaces;

/// <summary>A validated tip or purchase: a debit of the user's wallet and a credit of the creator's earnings.</summary>
/// <param name="Kind"><see cref="PaymentKind.Tip"/> or <see cref="PaymentKind.Purchase"/>.</param>
/// <param name="PaymentId">The client's tip or purchase id: the payment happens once per id.</param>
/// <param name="CreatorId">Who is paid.</param>
/// <param name="VideoId">The video tipped on (optional for tips) or bought.</param>
/// <param name="AmountCents">What the user pays, in cents.</param>
[GenerateSerializer, Immutable, Alias("Platform.Payment")]
public sealed record Payment(
    [property: Id(0)] PaymentKind Kind,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] string? VideoId,
    [property: Id(4)] long AmountCents);
