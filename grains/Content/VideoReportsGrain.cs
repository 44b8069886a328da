using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Content;

/// <summary>
/// A video's reports: one per user counts; when <see cref="ModerationOptions.ReportThreshold"/> distinct users
/// have reported it while published since its last review, the video goes to review (actor <c>system</c>). The move is recorded
/// as owed in the same write as the report that trips it, and retried by the next call until it is done.
/// </summary>
public sealed class VideoReportsGrain(
    [PersistentState(StorageNames.VideoReportsState, StorageNames.Provider)] IPersistentState<VideoReportsState> state,
    IOptions<ModerationOptions> options,
    TimeProvider time) : Grain, IVideoReportsGrain
{
    private VideoReportsState Reports => state.State;

    public async Task<ReportOutcome> ReportAsync(ContentReport report)
    {
        var counted = Reports.Reporters.Add(report.UserId);
        if (counted)
        {
            Reports.ByReason[(int)report.Reason] = Reports.ByReason.GetValueOrDefault((int)report.Reason) + 1;

            // Only reports on a published video count toward review: the operator deciding a review saw the others (the
            // queue shows the count), so they must not send an approved video straight back.
            var published = await GrainFactory.GetGrain<IVideoGrain>(this.GetPrimaryKeyString()).GetInfoAsync() is { IsPublished: true };
            if (published && ++Reports.SinceReview >= options.Value.ReportThreshold)
            {
                Reports.SinceReview = 0;
                Reports.ReviewOwed = true;
            }

            await WriteAsync();
        }

        if (Reports.ReviewOwed)
        {
            await SendToReviewAsync();
        }

        return new ReportOutcome(counted, Reports.Reporters.Count);
    }

    public Task<int> GetCountAsync() => Task.FromResult(Reports.Reporters.Count);

    private async Task SendToReviewAsync()
    {
        var now = time.GetUtcNow();
        var transition = new VideoTransition(
            ModerationAction.Review, VideoTransition.SystemActor, $"{options.Value.ReportThreshold} reports",
            new VideoReview(ReviewReason.Reports, null, now));

        // Not applicable means the video is not published (already in review, or taken down): nothing to do.
        await GrainFactory.GetGrain<IVideoGrain>(this.GetPrimaryKeyString()).TransitionAsync(transition);
        Reports.ReviewOwed = false;
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
