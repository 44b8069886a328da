namespace Platform.Api.Options;

/// <summary>Gateway settings. Section <c>Platform</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Platform";

    /// <summary>Key the <c>X-Api-Key</c> header must carry on admin routes; unset, admin routes answer 401. Default unset.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
