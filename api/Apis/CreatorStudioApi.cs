using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Services;
using Platform.Api.Validation;

namespace Platform.Api.Apis;

/// <summary>The creator studio: one static page per creator that reads <c>/live</c>, plus its script and stylesheet.</summary>
public static class CreatorStudioApi
{
    public static IEndpointRouteBuilder MapCreatorStudioApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/creators/{creatorId}", GetPage)
            .WithName("CreatorStudio")
            .WithSummary("The creator studio web page: live counters, top videos and a chart of views over time.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/html");
        app.MapGet("/studio/{file}", GetAsset)
            .WithName("CreatorStudioAsset")
            .WithSummary("The creator studio's script and stylesheet.")
            .ExcludeFromDescription();
        return app;
    }

    private static Results<StudioFileResult, ValidationProblem> GetPage(string creatorId, StudioAssets assets) =>
        Ids.IsValid(creatorId) ? new StudioFileResult(assets.Page) : Problems.InvalidId("creatorId");

    private static Results<StudioFileResult, ProblemHttpResult> GetAsset(string file, StudioAssets assets) =>
        assets.Find(file) is { } asset
            ? new StudioFileResult(asset)
            : Problems.NotFound($"There is no studio file '{file}'.");
}
