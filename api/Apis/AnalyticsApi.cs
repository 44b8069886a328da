using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>Creator analytics (docs/analytics.md): time series of videos and creators, as JSON or CSV, and a video's audience analytics.</summary>
public static class AnalyticsApi
{
    private static readonly string[] SourceNames =
        [.. Enum.GetValues<CandidateSource>().Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()))];

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/videos/{videoId}/timeseries", GetVideoSeriesAsync)
            .WithName("GetVideoTimeSeries")
            .WithSummary("A video's time series of one metric (views, likes, shares, comments, skips, watchMs) by minute (48 h), hour (90 days) or day (2 years), bucketed by the events' times; format=csv downloads it.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/v1/creators/{creatorId}/timeseries", GetCreatorSeriesAsync)
            .WithName("GetCreatorTimeSeries")
            .WithSummary("A creator's time series of one metric (a video's metrics summed, followers, tipsCents) by minute, hour or day; format=csv downloads it.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv");
        app.MapGet("/v1/videos/{videoId}/analytics", GetVideoAnalyticsAsync)
            .WithName("GetVideoAnalytics")
            .WithSummary("A video's impressions (by feed source), skip and completion rates, average watch fraction, retention curve in tenths and first-hour views against the creator's median.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<TimeSeriesResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetVideoSeriesAsync(
        string videoId, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var errors = new ValidationErrors();
        var (query, csv) = SeriesQueryParser.Parse(request, creator: false, time.GetUtcNow(), errors);
        if (query is null)
        {
            return Problems.Validation(errors);
        }

        return await grains.GetGrain<IVideoGrain>(videoId).GetSeriesAsync(query) is { } points
            ? Answer(videoId, query, points, csv)
            : Problems.NotFound($"Video '{videoId}' is not registered.");
    }

    private static async Task<Results<Ok<TimeSeriesResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetCreatorSeriesAsync(
        string creatorId, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (!Ids.IsValid(creatorId))
        {
            return Problems.InvalidId("creatorId");
        }

        var errors = new ValidationErrors();
        var (query, csv) = SeriesQueryParser.Parse(request, creator: true, time.GetUtcNow(), errors);
        if (query is null)
        {
            return Problems.Validation(errors);
        }

        return Answer(creatorId, query, await grains.GetGrain<ICreatorGrain>(creatorId).GetSeriesAsync(query), csv);
    }

    private static async Task<Results<Ok<VideoAnalyticsResponse>, ValidationProblem, ProblemHttpResult>> GetVideoAnalyticsAsync(string videoId, IGrainFactory grains)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        if (await grains.GetGrain<IVideoGrain>(videoId).GetAnalyticsAsync() is not { } a)
        {
            return Problems.NotFound($"Video '{videoId}' is not registered.");
        }

        var median = await grains.GetGrain<ICreatorGrain>(a.CreatorId).GetMedianFirstHourViewsAsync();
        var viewsWatched = a.Retention[0];
        var retention = new double[a.Retention.Length];
        for (var i = 0; i < retention.Length; i++)
        {
            retention[i] = viewsWatched == 0 ? (i == 0 ? 1 : 0) : (double)a.Retention[i] / viewsWatched;
        }

        var bySource = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var s = 0; s < SourceNames.Length; s++)
        {
            bySource[SourceNames[s]] = s < a.ImpressionsBySource.Length ? a.ImpressionsBySource[s] : 0;
        }

        return TypedResults.Ok(new VideoAnalyticsResponse(
            a.VideoId,
            a.CreatorId,
            a.Impressions,
            a.Views,
            a.Skips,
            a.Views + a.Skips == 0 ? 0 : (double)a.Skips / (a.Views + a.Skips),
            a.Views == 0 ? 0 : (double)a.Completions / a.Views,
            viewsWatched == 0 ? 0 : a.WatchFractionPermille / 1000.0 / viewsWatched,
            retention,
            bySource,
            a.FirstHourViews,
            median));
    }

    private static Results<Ok<TimeSeriesResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> Answer(
        string id, SeriesQuery query, SeriesPoint[] points, bool csv)
    {
        var metric = SeriesQueryParser.MetricNames[(int)query.Metric];
        var resolution = SeriesQueryParser.ResolutionNames[(int)query.Resolution];
        if (!csv)
        {
            return TypedResults.Ok(new TimeSeriesResponse(metric, resolution, points));
        }

        var text = new StringBuilder("at,").Append(metric).Append('\n');
        foreach (var point in points)
        {
            text.Append(point.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(',')
                .Append(point.Value.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{id}-{metric}-{resolution}.csv");
    }
}
