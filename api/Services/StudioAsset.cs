namespace Platform.Api.Services;

/// <summary>One embedded studio file with its content type and a strong validator for conditional requests.</summary>
public sealed record StudioAsset(string Name, string ContentType, byte[] Content, string ETag);
