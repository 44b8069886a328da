using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class FollowingFeedApi
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    public static IEndpointRouteBuilder MapFollowingFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/{userId}/following", GetAsync)
            .WithName("GetFollowingFeed")
            .WithSummary("The newest published videos of the creators the user follows, not yet viewed, newest first.")
            .RequireRateLimiting(RateLimitingExtensions.FeedPolicy)
            .RequireUser();
        return app;
    }

    private static async Task<Results<Ok<FollowingFeedResponse>, ValidationProblem>> GetAsync(
        string userId, HttpRequest request, IGrainFactory grains)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        var count = DefaultCount;
        var values = request.Query["count"];
        if (values.Count > 0
            && (values.Count > 1
                || !FeedApi.TryParseCount(values[0], out count)
                || count is < 1 or > MaxCount))
        {
            var errors = new ValidationErrors();
            errors.Add("count", $"'count' must be an integer from 1 to {MaxCount}.");
            return Problems.Validation(errors);
        }

        var items = await grains.GetGrain<IUserGrain>(userId).GetFollowingFeedAsync(count);
        return TypedResults.Ok(new FollowingFeedResponse(userId, items));
    }
}
