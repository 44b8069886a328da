namespace Platform.Tests.Security;

/// <summary>One generated hostile request and the answers it may get.</summary>
/// <param name="Label">What the generator did, for failure messages.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, already escaped as sent.</param>
/// <param name="Body">Body bytes, or null for none.</param>
/// <param name="ContentType">Content-Type header value (sent without validation), or null for none.</param>
/// <param name="ApiKey">X-Api-Key header value, or null for none.</param>
/// <param name="MaySucceed">A 2xx is allowed (reads that change nothing); otherwise only a 4xx problem is.</param>
/// <param name="Chunked">Send the body without Content-Length.</param>
public sealed record FuzzRequest(
    string Label,
    string Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    string? ApiKey = null,
    bool MaySucceed = false,
    bool Chunked = false);
