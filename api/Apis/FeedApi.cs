using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Services;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

public static class FeedApi
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;

    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/{userId}/feed", GetFeedAsync)
            .WithName("GetFeed")
            .WithSummary("A ranked, de-duplicated page of videos the user has not seen.")
            .RequireRateLimiting(RateLimitingExtensions.FeedPolicy)
            .RequireUser();
        return app;
    }

    private static async Task<Results<Ok<FeedResponse>, ValidationProblem>> GetFeedAsync(
        string userId, HttpRequest request, IGrainFactory grains, ClusterCallRetry retry, PlatformMetrics metrics)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        var count = DefaultCount;
        var values = request.Query["count"];
        if (values.Count > 0
            && (values.Count > 1
                || !TryParseCount(values[0], out count)
                || count is < 1 or > MaxCount))
        {
            var errors = new ValidationErrors();
            errors.Add("count", $"'count' must be an integer from 1 to {MaxCount}.");
            return Problems.Validation(errors);
        }

        var started = Stopwatch.GetTimestamp();
        var page = await retry.RunAsync(static call => call.User.GetFeedAsync(call.Count), (User: grains.Reference<IUserGrain>(userId), Count: count), request.HttpContext.RequestAborted);
        metrics.FeedServed(Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(new FeedResponse(userId, page.RequestId, page.Items, page.Experiments));
    }

    /// <summary>
    /// Plain ASCII digits only: int.TryParse also accepts trailing NULs ("5\0"), which a strict API must refuse.
    /// </summary>
    internal static bool TryParseCount(string? text, out int count)
    {
        count = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 3)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
