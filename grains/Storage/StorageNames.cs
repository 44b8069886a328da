namespace Platform.Grains.Storage;

/// <summary>
/// Grain storage provider and state names, in one place. Every grain type has its own state name:
/// the ADO.NET provider keys rows by service, grain key and state name, not by grain type.
/// </summary>
public static class StorageNames
{
    /// <summary>The grain storage provider every grain uses (memory or PostgreSQL, by configuration).</summary>
    public const string Provider = "platform";

    /// <summary>The ADO.NET storage that <see cref="PlatformGrainStorage"/> wraps as <see cref="Provider"/> in the postgres mode.</summary>
    public const string AdoNetProvider = "platform-adonet";

    /// <summary>The memory storage that <see cref="PlatformGrainStorage"/> wraps as <see cref="Provider"/> in the memory mode.</summary>
    public const string MemoryProvider = "platform-memory";

    public const string UserState = "user";
    public const string VideoState = "video";
    public const string CreatorState = "creator";
    public const string CatalogShardState = "catalogShard";
    public const string ExperimentState = "experiment";
    public const string ExperimentRegistryState = "experimentRegistry";
    public const string UserExperimentsState = "userExperiments";
    public const string UserErasureState = "userErasure";
    public const string ModerationQueueState = "moderationQueue";
    public const string VideoReportsState = "videoReports";
    public const string CommentState = "comment";
    public const string CommentThreadState = "commentThread";
    public const string UserCommentsState = "userComments";

    // Transactional state of the money grains (grains/Money), on the same provider.
    public const string WalletState = "wallet";
    public const string PaymentRecordState = "paymentRecord";
    public const string CreatorEarningsState = "creatorEarnings";
    public const string LedgerShardState = "ledgerShard";
    public const string WalletJournalPageState = "walletJournalPage";
}
