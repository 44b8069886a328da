using System.Security.Claims;
using Platform.Api.Options;

namespace Platform.Api.Security;

/// <summary>
/// The rules of who may act for whom (shared/API.md "Identity and privacy"), on an authenticated principal.
/// Pure: the authorization handler and the in-handler checks of body fields both ask here.
/// </summary>
public static class CallerAccess
{
    /// <summary>True when the caller presented a valid token or key.</summary>
    public static bool IsAuthenticated(ClaimsPrincipal caller)
    {
        foreach (var identity in caller.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The admin key, or a token with the <c>admin</c> role.</summary>
    public static bool IsAdmin(ClaimsPrincipal caller) => Has(caller, PlatformClaims.Role, PlatformClaims.AdminRole);

    /// <summary>A trusted backend's app key.</summary>
    public static bool IsApp(ClaimsPrincipal caller) => Find(caller, PlatformClaims.App) is not null;

    /// <summary>The user a token speaks for, or null.</summary>
    public static string? Subject(ClaimsPrincipal caller) => Find(caller, PlatformClaims.Subject);

    /// <summary>Open mode: anyone. Jwt mode: an app key, or a token whose <c>sub</c> is the user.</summary>
    public static bool MayActForUser(ClaimsPrincipal caller, string userId, AuthOptions options) =>
        !options.IsJwt || IsApp(caller) || string.Equals(Subject(caller), userId, StringComparison.Ordinal);

    /// <summary>
    /// Open mode: anyone. Jwt mode: an app key, the admin role, or a token whose <c>sub</c> is the creator (with the
    /// <c>creator</c> role too when <paramref name="requireCreatorRole"/>).
    /// </summary>
    public static bool MayActForCreator(ClaimsPrincipal caller, string creatorId, bool requireCreatorRole, AuthOptions options) =>
        !options.IsJwt
        || IsApp(caller)
        || IsAdmin(caller)
        || (string.Equals(Subject(caller), creatorId, StringComparison.Ordinal)
            && (!requireCreatorRole || Has(caller, PlatformClaims.Role, PlatformClaims.CreatorRole)));

    private static bool Has(ClaimsPrincipal caller, string type, string value)
    {
        foreach (var identity in caller.Identities)
        {
            if (identity.IsAuthenticated && identity.HasClaim(type, value))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Find(ClaimsPrincipal caller, string type)
    {
        foreach (var identity in caller.Identities)
        {
            if (identity.IsAuthenticated && identity.FindFirst(type) is { } claim)
            {
                return claim.Value;
            }
        }

        return null;
    }
}
