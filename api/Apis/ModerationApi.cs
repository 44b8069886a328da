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

/// <summary>The operators' side of content: the review queue, decisions on videos, audit logs, hiding comments.</summary>
public static class ModerationApi
{
    public const int DefaultQueueCount = 50;
    public const int MaxQueueCount = 500;

    /// <summary>Who the audit log names for a decision made with the admin key.</summary>
    public const string AdminActor = "admin";

    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/admin/moderation/queue", GetQueueAsync)
            .WithName("GetModerationQueue")
            .WithSummary("Videos in review, oldest first, with reason, report count and the original of a possible duplicate. Admin.")
            .RequireAdmin();
        app.MapPost("/v1/admin/videos/{videoId}/approve", (string videoId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options, CancellationToken ct) =>
                DecideAsync(videoId, ModerationAction.Approve, request, grains, options, ct))
            .WithName("ApproveVideo")
            .WithSummary("inReview -> published, with an optional note; 409 from any other state. Admin.")
            .RequireAdmin();
        app.MapPost("/v1/admin/videos/{videoId}/reject", (string videoId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options, CancellationToken ct) =>
                DecideAsync(videoId, ModerationAction.Reject, request, grains, options, ct))
            .WithName("RejectVideo")
            .WithSummary("inReview -> rejected, with an optional note; 409 from any other state. Admin.")
            .RequireAdmin();
        app.MapPost("/v1/admin/videos/{videoId}/restore", (string videoId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options, CancellationToken ct) =>
                DecideAsync(videoId, ModerationAction.Restore, request, grains, options, ct))
            .WithName("RestoreVideo")
            .WithSummary("takenDown or rejected -> published, with an optional note; 409 from any other state. Admin.")
            .RequireAdmin();
        app.MapGet("/v1/admin/videos/{videoId}/audit", GetAuditAsync)
            .WithName("GetVideoAudit")
            .WithSummary("Every state change of a video, oldest first, automatic ones with actor 'system'. Admin.")
            .RequireAdmin();
        app.MapPost("/v1/admin/comments/{commentId}/hide", HideCommentAsync)
            .WithName("HideComment")
            .WithSummary("Hides a comment from every listing; the counters keep it. Admin.")
            .RequireAdmin();
        return app;
    }

    private static async Task<Results<Ok<ModerationQueueResponse>, ValidationProblem, ProblemHttpResult>> GetQueueAsync(
        HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var errors = new ValidationErrors();
        var count = QueryCount.Parse(request, DefaultQueueCount, MaxQueueCount, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var items = await grains.GetGrain<IModerationQueueGrain>(0).ListAsync(count);
        var reports = await Task.WhenAll(items.Select(i => grains.GetGrain<IVideoReportsGrain>(i.VideoId).GetCountAsync()));
        return TypedResults.Ok(new ModerationQueueResponse(
            [.. items.Select((i, n) => new ModerationQueueEntry(i.VideoId, i.CreatorId, i.Title, i.Since, i.Reason, reports[n], i.DuplicateOf))]));
    }

    private static async Task<Results<Ok<VideoInfo>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string videoId, ModerationAction action, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options,
        CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        var (note, problem, invalid) = await ReadNoteAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        var result = await grains.GetGrain<IVideoGrain>(videoId).TransitionAsync(new VideoTransition(action, AdminActor, note));
        return result.Status switch
        {
            TransitionStatus.Applied => TypedResults.Ok(result.Video!),
            TransitionStatus.UnknownVideo => Problems.NotFound($"Video '{videoId}' is not registered."),
            _ => TypedResults.Problem(
                $"Video '{videoId}' is {Camel(result.Video!.State)}: '{Camel(action)}' does not apply.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict"),
        };
    }

    /// <summary>The optional <c>{ "note" }</c> body of a decision; no body at all means no note.</summary>
    internal static async Task<(string? Note, ProblemHttpResult? Problem, ValidationProblem? Invalid)> ReadNoteAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null && !request.Headers.TransferEncoding.Any()))
        {
            return (null, null, null);
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem, null);
        }

        using var _ = document;
        var errors = new ValidationErrors();
        var note = ContentRequestParser.Note(document!.RootElement, errors);
        return errors.Any ? (null, null, Problems.Validation(errors)) : (note, null, null);
    }

    private static async Task<Results<Ok<AuditResponse>, ValidationProblem, ProblemHttpResult>> GetAuditAsync(
        string videoId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        if (!Ids.IsValid(videoId))
        {
            return Problems.InvalidId("videoId");
        }

        return await grains.GetGrain<IVideoGrain>(videoId).GetAuditAsync() is { } audit
            ? TypedResults.Ok(new AuditResponse(videoId, audit))
            : Problems.NotFound($"Video '{videoId}' is not registered.");
    }

    private static async Task<Results<Ok<HideResponse>, ValidationProblem, ProblemHttpResult>> HideCommentAsync(
        string commentId, HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        if (!Ids.IsValid(commentId))
        {
            return Problems.InvalidId("commentId");
        }

        if (await grains.GetGrain<ICommentGrain>(commentId).GetAsync() is { Sequence: { } sequence } claim
            && await grains.GetGrain<ICommentThreadGrain>(claim.VideoId).HideAsync(commentId, sequence))
        {
            return TypedResults.Ok(new HideResponse(commentId, claim.VideoId, true));
        }

        return Problems.NotFound($"Comment '{commentId}' does not exist.");
    }

    private static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
