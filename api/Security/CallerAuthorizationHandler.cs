using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Security;

/// <summary>Decides a <see cref="CallerRequirement"/> with the rules of <see cref="CallerAccess"/>.</summary>
public sealed class CallerAuthorizationHandler(IOptions<AuthOptions> options) : AuthorizationHandler<CallerRequirement>
{
    private readonly AuthOptions _options = options.Value;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        var caller = context.User;
        var allowed = requirement.Kind switch
        {
            CallerKind.Admin => CallerAccess.IsAdmin(caller),
            _ when !_options.IsJwt => true,
            CallerKind.AnyCaller => CallerAccess.IsAuthenticated(caller),
            CallerKind.User => RouteValue(context, requirement) is { } userId && CallerAccess.MayActForUser(caller, userId, _options),
            CallerKind.Creator => RouteValue(context, requirement) is { } creatorId
                && CallerAccess.MayActForCreator(caller, creatorId, requireCreatorRole: false, _options),
            _ => false,
        };

        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static string? RouteValue(AuthorizationHandlerContext context, CallerRequirement requirement) =>
        context.Resource is HttpContext http && requirement.RouteParameter is { } name ? http.Request.RouteValues[name] as string : null;
}
