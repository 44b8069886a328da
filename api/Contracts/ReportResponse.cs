namespace Platform.Api.Contracts;

/// <summary>The answer to a report: whether it counted (one per user) and how many users have reported the video.</summary>
public sealed record ReportResponse(string VideoId, bool Counted, int Reports);
