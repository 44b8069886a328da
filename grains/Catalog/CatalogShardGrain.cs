using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Grains.Catalog;

/// <summary>
/// One shard of the catalog: holds its videos in a <see cref="CandidateIndex"/> and answers feed
/// queries from memory. Its state is a snapshot written in the background, split into pages by a hash
/// of the video id (<see cref="CatalogShardPage"/>, one storage record each): a snapshot writes only the
/// pages that changed, every page with a new or removed video and at most
/// <see cref="CatalogOptions.MaxSnapshotPages"/> pages with only signal or co-engagement changes, so its
/// cost per interval is bounded however large the shard and however busy its videos. A video
/// re-announces itself when it activates, which repairs what a crash between snapshots lost.
/// </summary>
// Reentrant: every call works synchronously on the index; only the background snapshot write
// awaits, and feed queries should not queue behind it.
[Reentrant]
public sealed partial class CatalogShardGrain(
    [PersistentState(StorageNames.CatalogShardState, StorageNames.Provider)] IPersistentState<CatalogShardState> state,
    IOptions<CatalogOptions> catalogOptions,
    IOptions<FeedOptions> feedOptions,
    IOptions<RankingOptions> rankingOptions,
    TimeProvider time) : Grain, ICatalogShardGrain
{
    private static readonly CatalogShardPage Empty = new();
    private CandidateIndex _index = null!;
    private readonly SemaphoreSlim _snapshotting = new(1, 1);
    private readonly List<int> _changed = [];
    private GrainState<CatalogShardPage>?[] _pageStates = [];
    private IGrainStorage _storage = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var random = FeedRandom.For(feedOptions.Value.RandomSeed, $"catalog-shard-{this.GetPrimaryKeyLong()}");
        _index = new CandidateIndex(catalogOptions.Value, feedOptions.Value, rankingOptions.Value, random);
        _index.ItemModels = ServiceProvider.GetService<ItemModelHolder>();
        _storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        _pageStates = new GrainState<CatalogShardPage>?[_index.SnapshotPageCount];
        var now = time.GetUtcNow();

        // A snapshot in the older single-record layout: load it, rewrite it as pages, then clear it, so
        // a video removed later can never come back from the old record.
        var legacy = state.State.Videos.Count > 0 || state.State.CoEngagement.Count > 0;
        foreach (var video in state.State.Videos)
        {
            _index.Upsert(video, now);
        }

        foreach (var edge in state.State.CoEngagement)
        {
            _index.RestoreCoEngagement(edge.Anchor, edge.Target, edge.Weight);
        }

        var reads = new Task[_pageStates.Length];
        for (var p = 0; p < reads.Length; p++)
        {
            var page = _pageStates[p] = new GrainState<CatalogShardPage>(new CatalogShardPage());
            reads[p] = _storage.ReadStateAsync(PageStateName(p), this.GetGrainId(), page);
        }

        await Task.WhenAll(reads);
        foreach (var page in _pageStates)
        {
            var content = page!.State ?? Empty;
            foreach (var video in content.Videos)
            {
                _index.Upsert(video, now);
            }

            for (var i = 0; i < content.Impressions.Count && i < content.Videos.Count; i++)
            {
                _index.RestoreImpressions(content.Videos[i].VideoId, content.Impressions[i]);
            }

            foreach (var edge in content.CoEngagement)
            {
                _index.RestoreCoEngagement(edge.Anchor, edge.Target, edge.Weight);
            }

            // Only the ETag is kept between writes; the content lives in the index.
            page.State = Empty;
        }

        // What was just read needs no writing back, except when migrating from the old layout.
        _changed.Clear();
        _index.TakeChangedPages(int.MaxValue, _changed);
        _changed.Clear();
        RebuildDiscovery(_index.Videos);
        if (legacy)
        {
            _index.MarkAllPagesChanged();
            await SnapshotAsync(cancellationToken);
            await state.ClearStateAsync(cancellationToken);
        }

        var interval = catalogOptions.Value.SnapshotInterval;
        this.RegisterGrainTimer(static (grain, ct) => grain.SnapshotAsync(ct), this, interval, interval);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        SnapshotAsync(cancellationToken, everything: true);

    public Task UpsertAsync(CatalogVideo video)
    {
        _index.Upsert(video, time.GetUtcNow());
        Discovery.Upsert(video);
        return Task.CompletedTask;
    }

    public Task ReportAsync(string videoId, float[] vector, VideoSignals signals)
    {
        _index.Report(videoId, vector, signals, time.GetUtcNow());
        Discovery.Report(videoId, signals, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task ReportBatchAsync(VideoReport[] reports)
    {
        var now = time.GetUtcNow();
        foreach (var report in reports)
        {
            _index.Report(report.VideoId, report.Vector, report.Signals, now);
            Discovery.Report(report.VideoId, report.Signals, now);
        }

        return Task.CompletedTask;
    }

    public async Task RemoveAsync(string videoId)
    {
        Discovery.Remove(videoId);
        if (_index.Remove(videoId))
        {
            // A takedown is written at once: it must never come back after a restart.
            await SnapshotAsync(CancellationToken.None);
        }
    }

    public Task RecordCoEngagementAsync(CoEngagementRecord[] records)
    {
        _index.RecordCoEngagement(records, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<Candidate[]> GetCandidatesAsync(CandidateQuery query) =>
        Task.FromResult(_index.Query(query, time.GetUtcNow()));

    public Task RecordImpressionsAsync(VideoImpressions[] impressions)
    {
        foreach (var impression in impressions)
        {
            _index.RecordImpressions(impression.VideoId, impression.Count);
        }

        return Task.CompletedTask;
    }

    public Task<FollowedVideo[]> GetFollowingAsync(FollowingQuery query) => Task.FromResult(_index.Following(query));

    public Task<FingerprintMatch?> FindNearestAsync(ulong fingerprint, int maxDistance, string creatorId) =>
        Task.FromResult(_index.Fingerprints.FindNearest(fingerprint, maxDistance, creatorId));

    private async Task SnapshotAsync(CancellationToken cancellationToken, bool everything = false)
    {
        // One snapshot at a time (the grain is reentrant): two writes of one page would race on its ETag.
        await _snapshotting.WaitAsync(cancellationToken);
        try
        {
            _changed.Clear();
            _index.TakeChangedPages(everything ? int.MaxValue : catalogOptions.Value.MaxSnapshotPages, _changed);
            if (_changed.Count == 0)
            {
                return;
            }

            var pages = _changed.ToArray();
            var writes = new Task[pages.Length];
            for (var i = 0; i < pages.Length; i++)
            {
                var page = _pageStates[pages[i]]!;
                page.State = _index.SnapshotPage(pages[i]);
                writes[i] = _storage.WriteStateAsync(PageStateName(pages[i]), this.GetGrainId(), page);
            }

            try
            {
                await Task.WhenAll(writes);
            }
            finally
            {
                for (var i = 0; i < pages.Length; i++)
                {
                    _pageStates[pages[i]]!.State = Empty;
                    if (!writes[i].IsCompletedSuccessfully)
                    {
                        _index.RetrySnapshotPage(pages[i]);
                    }
                }
            }
        }
        finally
        {
            _snapshotting.Release();
        }
    }

    private static string PageStateName(int page) => $"{StorageNames.CatalogShardState}-{page}";
}
