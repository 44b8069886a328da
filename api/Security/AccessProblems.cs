using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Security;

/// <summary>The 401 and 403 problems (shared/API.md: no or bad token 401, another user's resource 403).</summary>
public static class AccessProblems
{
    public const string BearerChallenge = "Bearer realm=\"platform\"";

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
