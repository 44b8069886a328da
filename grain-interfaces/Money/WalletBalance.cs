namespace Platform.GrainInterfaces;

/// <summary>A wallet's totals: <c>CreditedCents = BalanceCents + SpentCents</c>, always.</summary>
[GenerateSerializer, Immutable, Alias("Platform.WalletBalance")]
public sealed record WalletBalance(
    [property: Id(0)] string UserId,
    [property: Id(1)] long BalanceCents,
    [property: Id(2)] long SpentCents,
    [property: Id(3)] long CreditedCents);
