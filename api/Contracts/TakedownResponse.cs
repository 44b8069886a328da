namespace Platform.Api.Contracts;

/// <summary>The answer to a takedown.</summary>
public sealed record TakedownResponse(string VideoId, string State);
