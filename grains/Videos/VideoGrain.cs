using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Grains.Videos;

/// <summary>
/// A video: metadata, exact counters and an embedding learned from its audience. Passes counter
/// changes on to its creator, and reports embedding and signals to its catalog shard at most once
/// per <see cref="CatalogOptions.ReportInterval"/>.
/// </summary>
public sealed class VideoGrain(
    [PersistentState(StorageNames.VideoState, StorageNames.Provider)] IPersistentState<VideoState> state,
    OnlineLearner learner,
    IOptions<CatalogOptions> catalogOptions,
    TimeProvider time) : Grain, IVideoGrain
{
    private double _recentEngagement;
    private bool _reportDirty;
    private IGrainTimer? _reportTimer;

    private VideoState S => state.State;

    private ICatalogShardGrain Shard =>
        GrainFactory.GetGrain<ICatalogShardGrain>(IdHash.Shard(this.GetPrimaryKeyString(), catalogOptions.Value.Shards));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The shard keeps a periodic snapshot; re-announcing on activation repairs a shard that lost
        // a registration to a crash between its snapshots.
        if (S.Info is { State: PublicationState.Published })
        {
            await Shard.UpsertAsync(ToCatalogVideo());
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_reportDirty)
        {
            await ReportAsync();
        }
    }

    public async Task<RegistrationResult> RegisterAsync(VideoRegistration registration)
    {
        if (S.Info is { } existing)
        {
            if (existing.CreatorId != registration.CreatorId)
            {
                return RegistrationResult.Conflict;
            }

            // A retried registration finishes whatever a failed first attempt left undone.
            if (existing.State == PublicationState.Published)
            {
                await AnnounceAsync();
            }

            return RegistrationResult.AlreadyRegistered;
        }

        S.Info = new VideoInfo(
            registration.VideoId,
            registration.CreatorId,
            registration.Title,
            registration.Tags,
            registration.DurationMs,
            PublicationState.Published,
            time.GetUtcNow());
        S.Vector = learner.SeedVideo(registration.VideoId, registration.Tags);
        await state.WriteStateAsync();
        await AnnounceAsync();
        return RegistrationResult.Created;
    }

    public Task<VideoInfo?> GetInfoAsync() => Task.FromResult(S.Info);

    public Task<VideoStats?> GetStatsAsync() => Task.FromResult(S.Info is null
        ? null
        : new VideoStats(S.Info.VideoId, S.Views, S.Likes, S.Shares, S.Comments, S.Skips, S.Completions, S.WatchMs));

    public async Task<VideoEngagementResult> ApplyEngagementAsync(VideoEngagementRequest request)
    {
        if (S.Info is not { } info)
        {
            return VideoEngagementResult.Rejected("unknown video");
        }

        if (info.State == PublicationState.TakenDown)
        {
            return VideoEngagementResult.Rejected("video taken down");
        }

        var before = (float[])S.Vector.Clone();
        if (request.Events.Length == 0)
        {
            return new VideoEngagementResult(true, null, info.CreatorId, before, info.DurationMs);
        }

        long views = 0, likes = 0, shares = 0, comments = 0, watchMs = 0;
        foreach (var e in request.Events)
        {
            switch (e.Type)
            {
                case EngagementType.View:
                    views++;
                    watchMs += e.WatchMs;
                    S.Completions += e.WatchMs * 10 >= info.DurationMs * 9L ? 1 : 0;
                    break;
                case EngagementType.Like:
                    likes++;
                    break;
                case EngagementType.Unlike:
                    likes--;
                    break;
                case EngagementType.Share:
                    shares++;
                    break;
                case EngagementType.Comment:
                    comments++;
                    break;
                case EngagementType.Skip:
                    S.Skips++;
                    break;
            }

            _recentEngagement += TrendingWeight(e.Type);
            if (OnlineLearner.Target(e.Type, e.WatchMs, info.DurationMs) is { } target && request.UserVector.Length == S.Vector.Length)
            {
                learner.Step(S.Vector, request.UserVector, target);
            }
        }

        S.Views += views;
        S.Likes += likes;
        S.Shares += shares;
        S.Comments += comments;
        S.WatchMs += watchMs;
        await GrainFactory.GetGrain<ICreatorGrain>(info.CreatorId)
            .ApplyDeltasAsync([new CreatorDelta(info.VideoId, views, likes, shares, comments, watchMs)]);
        await state.WriteStateAsync();
        ScheduleReport();
        return new VideoEngagementResult(true, null, info.CreatorId, before, info.DurationMs);
    }

    public async Task<bool> TakeDownAsync()
    {
        if (S.Info is not { } info)
        {
            return false;
        }

        if (info.State != PublicationState.TakenDown)
        {
            S.Info = info with { State = PublicationState.TakenDown };
            await state.WriteStateAsync();
        }

        await Shard.RemoveAsync(info.VideoId);
        return true;
    }

    private static double TrendingWeight(EngagementType type) => type switch
    {
        EngagementType.View => 1,
        EngagementType.Like => 3,
        EngagementType.Comment => 3,
        EngagementType.Share => 5,
        _ => 0,
    };

    private async Task AnnounceAsync()
    {
        var info = S.Info!;
        await GrainFactory.GetGrain<ICreatorGrain>(info.CreatorId).AddVideoAsync(info.VideoId);
        await Shard.UpsertAsync(ToCatalogVideo());
    }

    private CatalogVideo ToCatalogVideo() =>
        new(S.Info!.VideoId, S.Info.CreatorId, (float[])S.Vector.Clone(), S.Info.RegisteredAt, Signals());

    private VideoSignals Signals() => new(S.Views, S.Likes, S.Completions, S.Skips, S.Shares, _recentEngagement);

    private void ScheduleReport()
    {
        _reportDirty = true;
        _reportTimer ??= this.RegisterGrainTimer(
            static (grain, _) => grain.ReportAsync(),
            this,
            new GrainTimerCreationOptions(catalogOptions.Value.ReportInterval, Timeout.InfiniteTimeSpan));
    }

    private async Task ReportAsync()
    {
        _reportTimer?.Dispose();
        _reportTimer = null;
        if (!_reportDirty || S.Info is not { State: PublicationState.Published })
        {
            return;
        }

        _reportDirty = false;
        var signals = Signals();
        _recentEngagement = 0;
        await Shard.ReportAsync(S.Info.VideoId, (float[])S.Vector.Clone(), signals);
    }
}
