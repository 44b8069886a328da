namespace Platform.Api.Security;

/// <summary>The claim types, roles and authentication scheme names of the platform's caller model, in one place.</summary>
public static class PlatformClaims
{
    /// <summary>The user a token speaks for.</summary>
    public const string Subject = "sub";

    /// <summary>Roles: one string or an array of them.</summary>
    public const string Role = "role";

    /// <summary>Set on a caller that presented an app key; its value is the key's position in <c>Platform:Auth:AppKeys</c>.</summary>
    public const string App = "platform_app";

    public const string AdminRole = "admin";
    public const string CreatorRole = "creator";

    /// <summary>The default scheme: forwards to <see cref="ApiKeyScheme"/> or <see cref="BearerScheme"/>.</summary>
    public const string PlatformScheme = "Platform";

    /// <summary>The <c>X-Api-Key</c> header: the admin key or an app key.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>JWT bearer tokens (jwt mode only).</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The header of the admin key and the app keys.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
