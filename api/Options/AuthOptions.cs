namespace Platform.Api.Options;

/// <summary>
/// Who may call which route (<c>Platform:Auth</c>, shared/API.md "Identity and privacy"). Validated at start by
/// <see cref="AuthOptionsValidator"/>; docs/security.md explains every mode.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Platform:Auth";

    /// <summary>Anyone may act for any user: the embedded development default.</summary>
    public const string Open = "open";

    /// <summary>Users act only for themselves with a signed token; trusted backends with an app key.</summary>
    public const string Jwt = "jwt";

    /// <summary>The fewest bytes a signing key may have (HS256 wants a key at least as long as its hash).</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The shortest app key accepted, in characters.</summary>
    public const int MinAppKeyLength = 16;

    /// <summary><c>open</c> or <c>jwt</c>. Default <c>open</c>, which is for development only.</summary>
    public string Mode { get; set; } = Open;

    /// <summary>The HS256 signing key, base64 of at least 32 bytes. Required in <c>jwt</c> mode; unset by default.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> every token must carry. Required in <c>jwt</c> mode; unset by default.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> every token must carry. Required in <c>jwt</c> mode; unset by default.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Keys of trusted backends, sent in <c>X-Api-Key</c>: such a caller may act for any user (never as admin).
    /// Each at least 16 characters. Default none.
    /// </summary>
    public List<string> AppKeys { get; set; } = [];

    /// <summary>How far a token's <c>exp</c> and <c>nbf</c> may be off the server clock. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest a token may live (<c>exp</c> minus <c>iat</c>, or minus <c>nbf</c> without <c>iat</c>): a token
    /// minted for longer is refused, so a leaked token cannot be valid for years. Default 24 hours.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest token accepted, in bytes; a larger one is a 401 before it is parsed. Default 8 KiB.</summary>
    public int MaxTokenBytes { get; set; } = 8 * 1024;

    /// <summary>True in <c>jwt</c> mode.</summary>
    public bool IsJwt => string.Equals(Mode, Jwt, StringComparison.Ordinal);
}
