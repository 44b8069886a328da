using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Services;
using Platform.Api.Validation;

namespace Platform.Api.Apis;

/// <summary>
/// The operators' experiment page: a static page that asks for the admin key, keeps it in the tab's session
/// storage and sends it only as the <c>X-Api-Key</c> header of its own requests (never in a URL).
/// </summary>
public static class ExperimentPageApi
{
    public static IEndpointRouteBuilder MapExperimentPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/experiments/{experimentId}", GetPage)
            .WithName("ExperimentPage")
            .WithSummary("The operators' experiment page: variants side by side with rates, intervals and p-values, updating live.")
            .ExcludeFromDescription();
        return app;
    }

    private static Results<StudioFileResult, ValidationProblem> GetPage(string experimentId, StudioAssets assets) =>
        Ids.IsValid(experimentId) ? new StudioFileResult(assets.ExperimentPage) : Problems.InvalidId("experimentId");
}
