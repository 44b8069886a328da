using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Options;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class AdminApi
{
    public const string KeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/admin/videos/{videoId}/takedown", TakeDownAsync)
            .WithName("TakeDownVideo")
            .WithSummary("Takes a video down: it leaves every feed at once. Needs the admin key in X-Api-Key, or a token with the admin role.")
            .RequireAdmin()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<TakedownResponse>, ValidationProblem, ProblemHttpResult>> TakeDownAsync(
        string videoId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var (note, problem, invalid) = await ModerationApi.ReadNoteAsync(request, cancellationToken);
        if (problem is not null || invalid is not null)
        {
            return problem is not null ? problem : invalid!;
        }

        var result = await grains.GetGrain<IVideoGrain>(videoId).TransitionAsync(
            new VideoTransition(ModerationAction.TakeDown, ModerationApi.AdminActor, note));
        return result.Status == TransitionStatus.Applied
            ? TypedResults.Ok(new TakedownResponse(videoId, "takenDown"))
            : Problems.NotFound($"Video '{videoId}' is not registered.");
    }

    /// <summary>Compares hashes of both keys in constant time, so neither content nor length leaks through timing.</summary>
    internal static bool IsAuthorized(string? presented, string? configured)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}
