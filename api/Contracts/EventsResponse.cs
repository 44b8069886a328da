namespace Platform.Api.Contracts;

/// <summary>The answer to an accepted event batch.</summary>
public sealed record EventsResponse(int Accepted, int Duplicates, RejectedEvent[] Rejected);
