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

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/events", IngestAsync)
            .WithName("IngestEvents")
            .WithSummary("Applies a batch of 1 to 1000 engagement events; idempotent by eventId, all-or-nothing validation.")
            .Accepts<EventBatchRequest>("application/json")
            .RequireRateLimiting(RateLimitingExtensions.EventsPolicy)
            .RequireCaller();
        return app;
    }

    private static async Task<Results<Accepted<EventsResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request, IGrainFactory grains, ClusterCallRetry retry, PlatformMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        var events = EventBatchParser.Parse(document!.RootElement, time.GetUtcNow(), errors);
        if (events is null)
        {
            return Problems.Validation(errors);
        }

        // The batch rule: every event must be the caller's own, or nothing is applied.
        if (request.HttpContext.ForbidUnlessActingForAll(events.Select(e => e.UserId)) is { } refused)
        {
            return refused;
        }

        // One call per user, each with that user's events in request order.
        var byUser = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
        {
            if (!byUser.TryGetValue(events[i].UserId, out var indices))
            {
                byUser[events[i].UserId] = indices = [];
            }

            indices.Add(i);
        }

        var calls = new List<Task<EventOutcome[]>>(byUser.Count);
        foreach (var (userId, indices) in byUser)
        {
            var batch = new EngagementEvent[indices.Count];
            for (var j = 0; j < batch.Length; j++)
            {
                batch[j] = events[indices[j]].Event;
            }

            calls.Add(retry.RunAsync(static call => call.User.ApplyEventsAsync(call.Batch), (User: grains.Reference<IUserGrain>(userId), Batch: batch), cancellationToken));
        }

        var results = await Task.WhenAll(calls);
        int accepted = 0, duplicates = 0;
        var rejected = new List<RejectedEvent>();
        var u = 0;
        foreach (var indices in byUser.Values)
        {
            var outcomes = results[u++];
            for (var j = 0; j < indices.Count; j++)
            {
                switch (outcomes[j].Status)
                {
                    case EventStatus.Accepted:
                        accepted++;
                        break;
                    case EventStatus.Duplicate:
                        duplicates++;
                        break;
                    default:
                        rejected.Add(new RejectedEvent(indices[j], outcomes[j].Reason ?? "rejected"));
                        break;
                }
            }
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        metrics.EventsIngested(accepted, duplicates, rejected.Count);
        return TypedResults.Accepted((string?)null, new EventsResponse(accepted, duplicates, [.. rejected]));
    }
}
