using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Options;
using Platform.Api.Security;

namespace Platform.Api.Extensions;

/// <summary>
/// How a route declares who may call it (docs/security.md). On the endpoint: <see cref="RequireUser{T}"/>,
/// <see cref="RequireCreator{T}"/>, <see cref="RequireAdmin{T}"/>, <see cref="RequireCaller{T}"/>. In the handler,
/// for users or creators named in the body: <see cref="ForbidUnlessActingFor"/> and its kin, which answer the
/// problem to return (null when allowed).
/// </summary>
public static class AuthorizationExtensions
{
    /// <summary>The route acts for the user in route value <paramref name="routeParameter"/>: jwt mode needs that user's token or an app key.</summary>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder, string routeParameter = "userId")
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(CallerRequirement.User(routeParameter)));

    /// <summary>The route acts for the creator in route value <paramref name="routeParameter"/>: jwt mode needs that creator's token, an app key or the admin role.</summary>
    public static TBuilder RequireCreator<TBuilder>(this TBuilder builder, string routeParameter = "creatorId")
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(CallerRequirement.Creator(routeParameter)));

    /// <summary>An admin route: the admin key in <c>X-Api-Key</c>, or in jwt mode a token with the <c>admin</c> role. 401 otherwise (403 for a token without the role).</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(CallerRequirement.Admin()));

    /// <summary>
    /// The route acts for users or creators named in its body: jwt mode needs a token or an app key before the
    /// body is read (401); the handler then checks each name with <see cref="ForbidUnlessActingFor"/> (403).
    /// </summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(CallerRequirement.AnyCaller()));

    /// <summary>Null when the caller may act for <paramref name="userId"/>; otherwise the 401 or 403 to answer.</summary>
    public static ProblemHttpResult? ForbidUnlessActingFor(this HttpContext context, string userId)
    {
        var options = Options(context);
        return CallerAccess.MayActForUser(context.User, userId, options) ? null : Refusal(context, $"The token's subject is not the user '{userId}'.");
    }

    /// <summary>Null when the caller may act for every one of <paramref name="userIds"/> (the batch rule); otherwise the 401 or 403 to answer.</summary>
    public static ProblemHttpResult? ForbidUnlessActingForAll(this HttpContext context, IEnumerable<string> userIds)
    {
        var options = Options(context);
        if (!options.IsJwt)
        {
            return null;
        }

        foreach (var userId in userIds)
        {
            if (!CallerAccess.MayActForUser(context.User, userId, options))
            {
                return Refusal(context, $"Every event must be the token subject's own; '{userId}' is not. Nothing was applied.");
            }
        }

        return null;
    }

    /// <summary>Null when the caller may act for <paramref name="creatorId"/> (with the creator role when asked); otherwise the 401 or 403.</summary>
    public static ProblemHttpResult? ForbidUnlessActingForCreator(this HttpContext context, string creatorId, bool requireCreatorRole = false)
    {
        var options = Options(context);
        return CallerAccess.MayActForCreator(context.User, creatorId, requireCreatorRole, options)
            ? null
            : Refusal(context, requireCreatorRole
                ? $"This needs a token of creator '{creatorId}' with the creator role, an app key or the admin role."
                : $"The token's subject is not the creator '{creatorId}'.");
    }

    private static ProblemHttpResult Refusal(HttpContext context, string forbidden) =>
        CallerAccess.IsAuthenticated(context.User)
            ? AccessProblems.Forbidden(forbidden)
            : AccessProblems.Unauthorized(CallerRequirement.AnyCaller().Unauthenticated);

    private static AuthOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;

    private static AuthorizationPolicy Policy(CallerRequirement requirement) =>
        new AuthorizationPolicyBuilder().AddRequirements(requirement).Build();
}
