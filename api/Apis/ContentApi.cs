using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>What users do with content besides engagement: report a video, comment on it, read its comments.</summary>
public static class ContentApi
{
    public const int DefaultCommentCount = 20;
    public const int MaxCommentCount = 100;

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/videos/{videoId}/reports", ReportAsync)
            .WithName("ReportVideo")
            .WithSummary("Reports a video (one report per user counts); enough reporters send it to review. Rate-limited per user.")
            .RequireCaller();
        app.MapPost("/v1/videos/{videoId}/comments", PostCommentAsync)
            .WithName("PostComment")
            .WithSummary("Posts a comment or a reply: 201 new, 200 the same comment again, 409 the id taken by another comment.")
            .RequireCaller();
        app.MapGet("/v1/videos/{videoId}/comments", ListCommentsAsync)
            .WithName("ListComments")
            .WithSummary("A video's visible comments, newest first; 'before' pages back from a comment id.");
        return app;
    }

    private static async Task<Results<Accepted<ReportResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string videoId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var (document, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        if (ContentRequestParser.Report(document!.RootElement, errors) is not { } report)
        {
            return Problems.Validation(errors);
        }

        if (context.ForbidUnlessActingFor(report.UserId) is { } forbidden)
        {
            return forbidden;
        }

        if (await grains.GetGrain<IVideoGrain>(videoId).GetInfoAsync() is null)
        {
            return Problems.NotFound($"Video '{videoId}' is not registered.");
        }

        if (await grains.GetGrain<IReporterGrain>(report.UserId).TryTakeAsync() is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"User '{report.UserId}' is reporting too fast; try again later.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests");
        }

        var outcome = await grains.GetGrain<IVideoReportsGrain>(videoId).ReportAsync(report);
        return TypedResults.Accepted((string?)null, new ReportResponse(videoId, outcome.Counted, outcome.Reports));
    }

    private static async Task<Results<Created<CommentItem>, Ok<CommentItem>, ValidationProblem, ProblemHttpResult>> PostCommentAsync(
        string videoId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var (document, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        if (ContentRequestParser.Comment(document!.RootElement, videoId, errors) is not { } draft)
        {
            return Problems.Validation(errors);
        }

        if (context.ForbidUnlessActingFor(draft.UserId) is { } forbidden)
        {
            return forbidden;
        }

        var result = await grains.GetGrain<ICommentThreadGrain>(videoId).PostAsync(draft);
        return result.Status switch
        {
            CommentPostStatus.Created => TypedResults.Created($"/v1/videos/{videoId}/comments", CommentItem.From(result.Comment!)),
            CommentPostStatus.AlreadyPosted => TypedResults.Ok(CommentItem.From(result.Comment!)),
            CommentPostStatus.UnknownVideo => Problems.NotFound($"Video '{videoId}' is not registered."),
            CommentPostStatus.UnknownParent => Problems.NotFound($"Comment '{draft.ParentId}' is not a comment of video '{videoId}'."),
            CommentPostStatus.NotPublished => TypedResults.Problem(
                $"Video '{videoId}' is not published; it takes no comments.", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => TypedResults.Problem(
                $"Comment id '{draft.CommentId}' is taken by another comment.", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
    }

    private static async Task<Results<Ok<CommentListResponse>, ValidationProblem, ProblemHttpResult>> ListCommentsAsync(
        string videoId, HttpRequest request, IGrainFactory grains)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var errors = new ValidationErrors();
        var count = QueryCount.Parse(request, DefaultCommentCount, MaxCommentCount, errors);
        long? before = null;
        var cursor = request.Query["before"];
        if (cursor.Count > 1 || (cursor.Count == 1 && !Ids.IsValid(cursor[0])))
        {
            errors.Add("before", $"'before' must be one comment id that {Ids.Rule}.");
        }
        else if (cursor.Count == 1)
        {
            var claim = await grains.GetGrain<ICommentGrain>(cursor[0]!).GetAsync();
            if (claim is not { Sequence: { } sequence } || claim.VideoId != videoId)
            {
                errors.Add("before", $"'before' must name a comment of video '{videoId}'.");
            }
            else
            {
                before = sequence;
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        if (await grains.GetGrain<IVideoGrain>(videoId).GetInfoAsync() is null)
        {
            return Problems.NotFound($"Video '{videoId}' is not registered.");
        }

        var page = await grains.GetGrain<ICommentThreadGrain>(videoId).ListAsync(count, before);
        var items = page.Items.Select(CommentItem.From).ToArray();
        return TypedResults.Ok(new CommentListResponse(videoId, items, items.Length == count ? items[^1].CommentId : null));
    }
}
