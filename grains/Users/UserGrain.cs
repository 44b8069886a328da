using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Experiments;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;
using Platform.Grains.Videos;

namespace Platform.Grains.Users;

/// <summary>
/// A user. The entry point of every event: it applies the events to its state
/// (<see cref="UserEventApplier"/>: dedup, learning, the outbox of what videos and creators are owed),
/// records all of it in one write, then delivers the outbox (<see cref="UserOutbox"/>), which those
/// grains apply once each. It also builds the user's feed (<see cref="UserFeedAssembler"/>).
/// </summary>
public sealed partial class UserGrain(
    [PersistentState(StorageNames.UserState, StorageNames.Provider)] IPersistentState<UserState> state,
    [PersistentState(StorageNames.UserExperimentsState, StorageNames.Provider)] IPersistentState<UserExperimentsState> experimentUsers,
    OnlineLearner learner,
    FeedRanker ranker,
    VideoEngagementBatcher videoBatcher,
    CoEngagementBatcher coEngagement,
    ImpressionBatcher impressions,
    FeedQualityMetrics feedMetrics,
    ExperimentDirectory experimentDirectory,
    ExperimentCounter experimentCounter,
    VariantModels variantModels,
    IOptions<ExperimentOptions> experimentOptions,
    IOptions<FeedOptions> feedOptions,
    IOptions<CatalogOptions> catalogOptions,
    IOptions<DeliveryOptions> deliveryOptions,
    ILogger<UserGrain> logger,
    TimeProvider time) : Grain, IUserGrain, IRemindable
{
    private readonly UserFeedSignals _signals = new(ranker, catalogOptions.Value.Shards);
    private readonly UserFeedMemory _memory = new(feedMetrics, impressions, feedOptions.Value.ServedHistory);
    private UserExperiments? _experiments;
    private UserEventApplier? _events;
    private UserOutbox? _outbox;
    private UserFeedAssembler? _feed;
    private bool _servedDirty;
    private bool _broken;

    private UserState User => state.State;

    private UserExperiments Experiments => _experiments ??=
        new(this.GetPrimaryKeyString(), experimentDirectory, experimentCounter, experimentOptions.Value, time);

    private UserEventApplier Events => _events ??=
        new(this.GetPrimaryKeyString(), state, learner, videoBatcher, _signals, _memory, feedOptions.Value, GrainFactory, Experiments);

    private UserOutbox Outbox => _outbox ??=
        new(this, GrainFactory, state, videoBatcher, deliveryOptions.Value, logger, () => _broken ? Task.CompletedTask : WriteAsync());

    private UserFeedAssembler Feed => _feed ??=
        new(GrainFactory, ranker, _signals, _memory, feedOptions.Value, catalogOptions.Value.Shards, time, this.GetPrimaryKeyString(), Experiments, variantModels);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (User.Vector.Length != learner.Dimensions)
        {
            User.Vector = new float[learner.Dimensions];
            User.Interest = new float[learner.Dimensions];
        }

        // A new user (or an erased one starting again) numbers its deliveries from the clock, above anything a
        // video's or creator's delivery ledger may still remember of an erased user with the same id.
        if (!state.RecordExists && User.LastSequence == 0)
        {
            User.LastSequence = time.GetUtcNow().UtcTicks;
        }

        // Written with the next write; until then a crash only repeats the upgrade.
        _servedDirty |= Events.UpgradeStoredState();
        Outbox.Resume();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_broken)
        {
            return;
        }

        if (_servedDirty || Outbox.HasUnconfirmed)
        {
            await WriteAsync();
        }

        await Outbox.DeactivateAsync();
    }

    public async Task<EventOutcome[]> ApplyEventsAsync(EngagementEvent[] events)
    {
        var (outcomes, accepted) = await Events.ApplyAsync(events);
        if (accepted)
        {
            await WriteAsync();
            _signals.Flush(coEngagement);
        }

        // Answer only once every grain the events touch has them: a failure here leaves the work in
        // the durable outbox (delivered later, once) and fails the request, which the client retries.
        await Outbox.DeliverAsync();
        return outcomes;
    }

    public async Task<FeedPage> GetFeedAsync(int count)
    {
        var (page, newExperimentUser) = await Feed.AssembleAsync(User, count, experimentUsers.State.Counted);
        _servedDirty |= page.Items.Length > 0;
        if (newExperimentUser)
        {
            // Written once per user and experiment, so the user counts once among its variant's users.
            await experimentUsers.WriteStateAsync();
        }

        return page;
    }

    public Task<FollowedVideo[]> GetFollowingFeedAsync(int count) => Feed.FollowingAsync(User, count);

    public Task<UserStats> GetStatsAsync() =>
        Task.FromResult(new UserStats(this.GetPrimaryKeyString(), User.Views, User.Likes, User.Shares, User.Following.Count));

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        UserOutbox.IsRecoveryReminder(reminderName) ? Outbox.RecoverAsync() : Task.CompletedTask;

    /// <summary>
    /// Writes the state; then lets the outbox tell receivers whose acknowledgements this write recorded
    /// that they may forget those deliveries. A failed write leaves memory ahead of storage, so the
    /// activation is dropped and the next one reloads what is durable.
    /// </summary>
    private async Task WriteAsync()
    {
        var confirmed = Outbox.BeforeWrite();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _broken = true;
            DeactivateOnIdle();
            throw;
        }

        _servedDirty = false;
        Outbox.Written(confirmed);
    }
}
