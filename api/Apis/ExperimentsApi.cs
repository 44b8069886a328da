using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>A/B experiments of ranking variants (shared/API.md, "Experiments"): admin routes and the operator page.</summary>
public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/admin/experiments", CreateAsync)
            .WithName("CreateExperiment")
            .WithSummary("Creates and starts an experiment: 201 new, 200 the same body again, 409 another body under the id, 400 an unknown setting.")
            .RequireAdmin()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/v1/admin/experiments/{experimentId}", GetAsync)
            .WithName("GetExperiment")
            .WithSummary("An experiment's state and its variants' live counts, rates, 95% like-rate intervals and p-values against the control.")
            .RequireAdmin()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/v1/admin/experiments/{experimentId}/stop", StopAsync)
            .WithName("StopExperiment")
            .WithSummary("Stops an experiment: feeds stop carrying it within seconds; its numbers stay readable.")
            .RequireAdmin()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<ExperimentResponse>, Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        var definition = ExperimentParser.Parse(document!.RootElement, errors);
        if (definition is null)
        {
            return Problems.Validation(errors);
        }

        var experiment = grains.GetGrain<IExperimentGrain>(definition.ExperimentId);
        var created = await experiment.CreateAsync(definition);
        if (created == ExperimentCreation.Conflict)
        {
            return TypedResults.Problem(
                $"Experiment '{definition.ExperimentId}' exists with another definition.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict");
        }

        var body = ExperimentResponse.From((await experiment.GetReportAsync())!);
        return created == ExperimentCreation.Created
            ? TypedResults.Created($"/v1/admin/experiments/{definition.ExperimentId}", body)
            : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string experimentId, IGrainFactory grains)
    {
        if (!Ids.IsValid(experimentId))
        {
            return Problems.InvalidId("experimentId");
        }

        return await grains.GetGrain<IExperimentGrain>(experimentId).GetReportAsync() is { } report
            ? TypedResults.Ok(ExperimentResponse.From(report))
            : Problems.NotFound($"Experiment '{experimentId}' does not exist.");
    }

    private static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> StopAsync(
        string experimentId, IGrainFactory grains)
    {
        if (!Ids.IsValid(experimentId))
        {
            return Problems.InvalidId("experimentId");
        }

        var experiment = grains.GetGrain<IExperimentGrain>(experimentId);
        return await experiment.StopAsync()
            ? TypedResults.Ok(ExperimentResponse.From((await experiment.GetReportAsync())!))
            : Problems.NotFound($"Experiment '{experimentId}' does not exist.");
    }
}
