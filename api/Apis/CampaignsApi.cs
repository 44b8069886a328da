using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Platform.Api.Contracts;
using Platform.Api.Options;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>Ad campaigns (shared/API.md "Ads"): admin routes to create one and read its numbers.</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/admin/campaigns", CreateAsync)
            .WithName("CreateCampaign")
            .WithSummary("Creates an ad campaign: 201 new, 200 the same body again, 409 another body. Needs the X-Api-Key header.");
        app.MapGet("/v1/admin/campaigns/{campaignId}/stats", GetStatsAsync)
            .WithName("GetCampaignStats")
            .WithSummary("A campaign's impressions, clicks, conversions, CTR, CVR, spend, remaining budget and eCPM. Needs the X-Api-Key header.");
        return app;
    }

    private static async Task<Results<Created<CampaignDefinition>, Ok<CampaignDefinition>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AdminApi.IsAuthorized(request.Headers[AdminApi.KeyHeader], options.Value.AdminApiKey))
        {
            return Unauthorized();
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        var definition = CampaignParser.Parse(document!.RootElement, time.GetUtcNow(), errors);
        if (definition is null)
        {
            return Problems.Validation(errors);
        }

        switch (await grains.GetGrain<ICampaignGrain>(definition.CampaignId).CreateAsync(definition))
        {
            case CampaignCreateResult.Created:
                return TypedResults.Created($"/v1/admin/campaigns/{definition.CampaignId}/stats", definition);
            case CampaignCreateResult.Existing:
                return TypedResults.Ok(definition);
            case CampaignCreateResult.Conflict:
                return TypedResults.Problem(
                    $"Campaign '{definition.CampaignId}' exists with another body.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Conflict");
            default:
                errors.Add("videoId", "'videoId' must name a registered, published video.");
                return Problems.Validation(errors);
        }
    }

    private static async Task<Results<Ok<CampaignStatsResponse>, ValidationProblem, ProblemHttpResult>> GetStatsAsync(
        string campaignId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        if (!AdminApi.IsAuthorized(request.Headers[AdminApi.KeyHeader], options.Value.AdminApiKey))
        {
            return Unauthorized();
        }

        if (!Ids.IsValid(campaignId))
        {
            return Problems.InvalidId("campaignId");
        }

        return await grains.GetGrain<ICampaignGrain>(campaignId).GetStatsAsync() is { } stats
            ? TypedResults.Ok(CampaignStatsResponse.From(stats))
            : Problems.NotFound($"Campaign '{campaignId}' does not exist.");
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(
            $"Admin routes need the {AdminApi.KeyHeader} header with the configured key.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");
}
