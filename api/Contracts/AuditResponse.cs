using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A video's audit log, oldest first.</summary>
public sealed record AuditResponse(string VideoId, AuditEntry[] Items);
