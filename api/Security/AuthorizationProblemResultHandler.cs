using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Security;

/// <summary>
/// Answers a refused request with a problem instead of the schemes' empty challenge: 401 when the caller is not
/// authenticated (no, bad or expired token or key), 403 when it is but may not act here.
/// </summary>
public sealed class AuthorizationProblemResultHandler(IOptions<AuthOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var requirement = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<CallerRequirement>().FirstOrDefault()
            ?? CallerRequirement.AnyCaller();
        if (!CallerAccess.IsAuthenticated(context.User))
        {
            if (options.Value.IsJwt)
            {
                context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count > 0
                    ? AccessProblems.BearerChallenge + ", error=\"invalid_token\""
                    : AccessProblems.BearerChallenge;
            }

            await AccessProblems.Unauthorized(requirement.Unauthenticated).ExecuteAsync(context);
            return;
        }

        await AccessProblems.Forbidden(requirement.Forbidden.Length > 0 ? requirement.Forbidden : "The caller may not act here.").ExecuteAsync(context);
    }
}
