using Microsoft.AspNetCore.Authorization;

namespace Platform.Api.Security;

/// <summary>
/// What a route asks of its caller; evaluated by <see cref="CallerAuthorizationHandler"/>. Built by the
/// <c>Require*</c> extension methods of <see cref="Extensions.AuthorizationExtensions"/>, never by hand.
/// </summary>
public sealed class CallerRequirement : IAuthorizationRequirement
{
    private CallerRequirement(CallerKind kind, string? routeParameter, string unauthenticated, string forbidden)
    {
        Kind = kind;
        RouteParameter = routeParameter;
        Unauthenticated = unauthenticated;
        Forbidden = forbidden;
    }

    public CallerKind Kind { get; }

    /// <summary>The route value naming the user or creator acted for.</summary>
    public string? RouteParameter { get; }

    /// <summary>The 401 problem's detail.</summary>
    public string Unauthenticated { get; }

    /// <summary>The 403 problem's detail.</summary>
    public string Forbidden { get; }

    public static CallerRequirement AnyCaller() => new(CallerKind.AnyCaller, null,
        "This route needs Authorization: Bearer <token> or an app key in X-Api-Key.", "");

    public static CallerRequirement User(string routeParameter) => new(CallerKind.User, routeParameter,
        "This route acts for a user: it needs Authorization: Bearer <token> or an app key in X-Api-Key.",
        $"The token's subject is not the user in '{routeParameter}'.");

    public static CallerRequirement Creator(string routeParameter) => new(CallerKind.Creator, routeParameter,
        "This route acts for a creator: it needs Authorization: Bearer <token>, an app key in X-Api-Key, or the admin role.",
        $"The token's subject is not the creator in '{routeParameter}'.");

    public static CallerRequirement Admin() => new(CallerKind.Admin, null,
        "Admin routes need the X-Api-Key header with the configured admin key, or (jwt mode) a token with the admin role.",
        "Admin routes need the admin role.");
}

/// <summary>The kinds of <see cref="CallerRequirement"/>.</summary>
public enum CallerKind
{
    /// <summary>Any authenticated caller in jwt mode (the route checks users named in its body); anyone in open mode.</summary>
    AnyCaller,

    /// <summary>The user named by a route value (or an app key).</summary>
    User,

    /// <summary>The creator named by a route value (or an app key, or an admin).</summary>
    Creator,

    /// <summary>The admin key, or a token with the admin role: in every mode.</summary>
    Admin,
}
