namespace Platform.Api.Contracts;

/// <summary>A tip's answer: the wallet's balance after it.</summary>
public sealed record TipResponse(string TipId, long BalanceCents);
