using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Validation;

/// <summary>The problem responses the API answers with.</summary>
public static class Problems
{
    public static ValidationProblem Validation(ValidationErrors errors, string detail = "The request breaks the API's rules; nothing was applied.") =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail, title: "Invalid request");

    public static ValidationProblem InvalidId(string name) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [name] = [$"'{name}' {Ids.Rule}."] },
            $"'{name}' is not a valid id.",
            title: "Invalid request");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
