namespace Platform.Api.Contracts;

/// <summary>A purchase's answer: the wallet's balance after it.</summary>
public sealed record PurchaseResponse(string PurchaseId, long BalanceCents);
