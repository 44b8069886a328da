using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class VideosApi
{
    public static IEndpointRouteBuilder MapVideosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/videos", RegisterAsync)
            .WithName("RegisterVideo")
            .WithSummary("Registers a video: 201 the first time, 200 again for the same creator, 409 for another.")
            .Accepts<VideoRegistrationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireCaller();
        app.MapGet("/v1/videos/{videoId}", GetAsync)
            .WithName("GetVideo")
            .WithSummary("A video's metadata and state.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/videos/{videoId}/stats", GetStatsAsync)
            .WithName("GetVideoStats")
            .WithSummary("A video's live counters.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<VideoInfo>, Ok<VideoInfo>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        var registration = VideoRegistrationParser.Parse(document!.RootElement, errors);
        if (registration is null)
        {
            return Problems.Validation(errors);
        }

        if (request.HttpContext.ForbidUnlessActingForCreator(registration.CreatorId, requireCreatorRole: true) is { } refused)
        {
            return refused;
        }

        var video = grains.GetGrain<IVideoGrain>(registration.VideoId);
        var result = await video.RegisterAsync(registration);
        if (result == RegistrationResult.Conflict)
        {
            return TypedResults.Problem(
                $"Video '{registration.VideoId}' is registered under another creator.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict");
        }

        var info = (await video.GetInfoAsync())!;
        return result == RegistrationResult.Created
            ? TypedResults.Created($"/v1/videos/{info.VideoId}", info)
            : TypedResults.Ok(info);
    }

    private static async Task<Results<Ok<VideoInfo>, ValidationProblem, ProblemHttpResult>> GetAsync(string videoId, IGrainFactory grains)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        return await grains.GetGrain<IVideoGrain>(videoId).GetInfoAsync() is { } info
            ? TypedResults.Ok(info)
            : Problems.NotFound($"Video '{videoId}' is not registered.");
    }

    private static async Task<Results<Ok<VideoStats>, ValidationProblem, ProblemHttpResult>> GetStatsAsync(string videoId, IGrainFactory grains)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        return await grains.GetGrain<IVideoGrain>(videoId).GetStatsAsync() is { } stats
            ? TypedResults.Ok(stats)
            : Problems.NotFound($"Video '{videoId}' is not registered.");
    }
}
