namespace Platform.Api.Contracts;

/// <summary>A credit's answer: the wallet's balance after it.</summary>
public sealed record CreditResponse(string UserId, long BalanceCents);
