using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class CreatorsApi
{
    public static IEndpointRouteBuilder MapCreatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/creators/{creatorId}/stats", GetStatsAsync)
            .WithName("GetCreatorStats")
            .WithSummary("A creator's counters summed over the creator's videos, followers and top videos.");
        return app;
    }

    private static async Task<Results<Ok<CreatorStats>, ValidationProblem>> GetStatsAsync(string creatorId, IGrainFactory grains) =>
        Ids.IsValid(creatorId)
            ? TypedResults.Ok(await grains.GetGrain<ICreatorGrain>(creatorId).GetStatsAsync())
            : Problems.InvalidId("creatorId");
}
