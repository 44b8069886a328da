namespace Platform.GrainInterfaces;

/// <summary>One line of a wallet's payment journal (the user's export shows them all).</summary>
/// <param name="PaymentId">The credit, tip or purchase id.</param>
/// <param name="Kind">What it was.</param>
/// <param name="CreatorId">The creator paid (empty for a credit).</param>
/// <param name="VideoId">The video tipped on or bought, if any.</param>
/// <param name="AmountCents">The amount: added for a credit, paid for a tip or purchase.</param>
/// <param name="FeeCents">The platform's fee out of a tip or purchase (0 for a credit).</param>
/// <param name="BalanceAfterCents">The balance right after it.</param>
/// <param name="At">When it was applied (the silo's clock).</param>
[GenerateSerializer, Immutable, Alias("Platform.PaymentJournalEntry")]
public sealed record PaymentJournalEntry(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] PaymentKind Kind,
    [property: Id(2)] string CreatorId,
    [property: Id(3)] string? VideoId,
    [property: Id(4)] long AmountCents,
    [property: Id(5)] long FeeCents,
    [property: Id(6)] long BalanceAfterCents,
    [property: Id(7)] DateTimeOffset At);
