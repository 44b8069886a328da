namespace Platform.Api.Contracts;

/// <summary>An event that was valid but not applied, by its index in the request.</summary>
public sealed record RejectedEvent(int Index, string Reason);
