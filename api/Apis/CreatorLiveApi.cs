using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Validation;

namespace Platform.Api.Apis;

public static class CreatorLiveApi
{
    public static IEndpointRouteBuilder MapCreatorLiveApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/creators/{creatorId}/live", Watch)
            .WithName("WatchCreatorStats")
            .WithSummary("Server-Sent Events: the creator's stats on connect, then within a second of every change (coalesced), with keep-alive comments.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/event-stream");
        return app;
    }

    private static Results<CreatorLiveStream, ValidationProblem> Watch(string creatorId) =>
        Ids.IsValid(creatorId) ? new CreatorLiveStream(creatorId) : Problems.InvalidId("creatorId");
}
