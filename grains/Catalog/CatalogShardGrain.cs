using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Catalog;

/// <summary>
/// One shard of the catalog: holds its videos in a <see cref="CandidateIndex"/> and answers feed
/// queries from memory. Its state is a snapshot written in the background; a video re-announces
/// itself when it activates, which repairs what a crash between snapshots lost.
/// </summary>
// Reentrant: every call works synchronously on the index; only the background snapshot write
// awaits, and feed queries should not queue behind it.
[Reentrant]
public sealed class CatalogShardGrain(
    [PersistentState(StorageNames.CatalogShardState, StorageNames.Provider)] IPersistentState<CatalogShardState> state,
    IOptions<CatalogOptions> catalogOptions,
    IOptions<FeedOptions> feedOptions,
    IOptions<RankingOptions> rankingOptions,
    TimeProvider time) : Grain, ICatalogShardGrain
{
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(5);
    private readonly CandidateIndex _index = new(catalogOptions.Value, feedOptions.Value, rankingOptions.Value);
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var video in state.State.Videos)
        {
            _index.Upsert(video, now);
        }

        foreach (var edge in state.State.CoEngagement)
        {
            _index.RestoreCoEngagement(edge.Anchor, edge.Target, edge.Weight);
        }

        this.RegisterGrainTimer(static (grain, ct) => grain.SnapshotAsync(ct), this, SnapshotInterval, SnapshotInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        SnapshotAsync(cancellationToken);

    public Task UpsertAsync(CatalogVideo video)
    {
        _index.Upsert(video, time.GetUtcNow());
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task ReportAsync(string videoId, float[] vector, VideoSignals signals)
    {
        _index.Report(videoId, vector, signals, time.GetUtcNow());
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task ReportBatchAsync(VideoReport[] reports)
    {
        var now = time.GetUtcNow();
        foreach (var report in reports)
        {
            _index.Report(report.VideoId, report.Vector, report.Signals, now);
        }

        _dirty |= reports.Length > 0;
        return Task.CompletedTask;
    }

    public async Task RemoveAsync(string videoId)
    {
        if (_index.Remove(videoId))
        {
            // A takedown is written at once: it must never come back after a restart.
            _dirty = true;
            await SnapshotAsync(CancellationToken.None);
        }
    }

    public Task RecordCoEngagementAsync(CoEngagementRecord[] records)
    {
        _index.RecordCoEngagement(records);
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<Candidate[]> GetCandidatesAsync(CandidateQuery query) =>
        Task.FromResult(_index.Query(query, time.GetUtcNow()));

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        state.State = new CatalogShardState
        {
            Videos = [.. _index.Videos],
            CoEngagement = [.. _index.CoEngagementEdges.Select(e => new CoEngagementEdge(e.Anchor, e.Target, e.Weight))],
        };
        await state.WriteStateAsync(cancellationToken);
    }
}
