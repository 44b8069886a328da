using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>Search, tag pages and trending tags (shared/API.md, "Discovery"), answered by the catalog shards through <see cref="IDiscoveryGrain"/>.</summary>
public static class DiscoveryApi
{
    public const int MaxQueryLength = 100;
    public const int DefaultSearchCount = 20;
    public const int DefaultTrendingTagsCount = 10;
    public const int MaxCount = 100;

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/search", SearchAsync)
            .WithName("SearchVideos")
            .WithSummary("Published videos whose title or tags match q (Chinese segmented into words, English stemmed), best first: relevance, then engagement.")
            .RequireRateLimiting(RateLimitingExtensions.FeedPolicy);
        app.MapGet("/v1/tags/{tag}/videos", GetTagVideosAsync)
            .WithName("GetTagVideos")
            .WithSummary("Published videos with the tag (any case), trending first.")
            .RequireRateLimiting(RateLimitingExtensions.FeedPolicy);
        app.MapGet("/v1/trending/tags", GetTrendingTagsAsync)
            .WithName("GetTrendingTags")
            .WithSummary("Tags by recent engagement velocity, with their score and number of published videos.")
            .RequireRateLimiting(RateLimitingExtensions.FeedPolicy);
        return app;
    }

    /// <summary><c>GET /v1/search?q=..&amp;count=20</c>: q 1..100 characters of printable text, count 1..100.</summary>
    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(HttpRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var values = request.Query["q"];
        var query = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(query) || query.Length > MaxQueryLength || !SafeText.IsSafe(query))
        {
            errors.Add("q", $"'q' must be given once, 1 to {MaxQueryLength} characters, not only white space, and {SafeText.Rule}.");
        }

        var count = CountParameter.Read(request, DefaultSearchCount, MaxCount, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var hits = await grains.GetGrain<IDiscoveryGrain>(0).SearchAsync(query!, count!.Value);
        return TypedResults.Ok(new SearchResponse(query!, ToItems(hits)));
    }

    /// <summary><c>GET /v1/tags/{tag}/videos?count=20</c>: a tag as registration allows it (1..32 printable characters).</summary>
    private static async Task<Results<Ok<TagVideosResponse>, ValidationProblem>> GetTagVideosAsync(string tag, HttpRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > VideoRegistrationParser.MaxTagLength || !SafeText.IsSafe(tag))
        {
            errors.Add("tag", $"'tag' must be 1 to {VideoRegistrationParser.MaxTagLength} characters, not only white space, and {SafeText.Rule}.");
        }

        var count = CountParameter.Read(request, DefaultSearchCount, MaxCount, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var hits = await grains.GetGrain<IDiscoveryGrain>(0).GetTagVideosAsync(tag, count!.Value);
        return TypedResults.Ok(new TagVideosResponse(tag, ToItems(hits)));
    }

    /// <summary><c>GET /v1/trending/tags?count=10</c>.</summary>
    private static async Task<Results<Ok<TrendingTagsResponse>, ValidationProblem>> GetTrendingTagsAsync(HttpRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var count = CountParameter.Read(request, DefaultTrendingTagsCount, MaxCount, errors);
        if (count is null)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(new TrendingTagsResponse(await grains.GetGrain<IDiscoveryGrain>(0).GetTrendingTagsAsync(count.Value)));
    }

    private static DiscoveryItem[] ToItems(SearchHit[] hits) =>
        Array.ConvertAll(hits, h => new DiscoveryItem(h.VideoId, h.CreatorId, h.Title, h.Tags, h.Score));
}
