using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/{userId}", GetAsync)
            .WithName("GetUser")
            .WithSummary("A user's counters and how many creators the user follows.")
            .RequireUser();
        return app;
    }

    private static async Task<Results<Ok<UserStats>, ValidationProblem>> GetAsync(string userId, IGrainFactory grains) =>
        Ids.IsValid(userId)
            ? TypedResults.Ok(await grains.GetGrain<IUserGrain>(userId).GetStatsAsync())
            : Problems.InvalidId("userId");
}
