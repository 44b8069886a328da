namespace Platform.Grains.Options;

/// <summary>The catalog's layout. Section <c>Platform:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Platform:Catalog";

    /// <summary>
    /// Number of catalog shards. Every feed asks each shard once, so more shards spread a large catalog
    /// over more silos at the cost of more calls per feed. Must not change while a cluster keeps state. Default 8.
    /// </summary>
    public int Shards { get; set; } = 8;

    /// <summary>
    /// How often a silo sends the catalog shards the co-engagement records its users produced, one call
    /// per shard (see CoEngagementBatcher). Default 100 ms.
    /// </summary>
    public TimeSpan CoEngagementFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Co-engagement records a silo holds for one shard between flushes; more are dropped (they are
    /// learning signals, and this bounds memory when a shard falls behind). Default 50,000.
    /// </summary>
    public int MaxPendingCoEngagement { get; set; } = 50_000;

    /// <summary>How often a video reports changed signals and embedding to its shard. Default 1 s.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Half-life of the trending velocity. Default 30 minutes.</summary>
    public TimeSpan TrendingHalfLife { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Age at which a video stops counting as fresh. Default 24 hours.</summary>
    public TimeSpan FreshWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Videos in a shard from which personalized retrieval uses the clustered (IVF) index instead of
    /// scanning every video; the clusters are retrained each time the shard doubles. Default 4096.
    /// </summary>
    public int ClusteredRetrievalThreshold { get; set; } = 4096;

    /// <summary>Clusters a personalized query scans at least (the best-scoring centroids first). Default 8.</summary>
    public int ProbedClusters { get; set; } = 8;

    /// <summary>Videos a personalized query scans at least, probing more clusters if needed. Default 1024.</summary>
    public int MinScanned { get; set; } = 1024;

    /// <summary>
    /// Pages a catalog shard's snapshot is split into (by a hash of the video id): a snapshot writes only
    /// the pages whose videos or co-engagement edges changed. Must not change while a cluster keeps state. Default 64.
    /// </summary>
    public int SnapshotPages { get; set; } = 64;

    /// <summary>
    /// Pages a snapshot writes at most for signal and co-engagement changes alone (pages with a new or
    /// removed video are always written), oldest change first: bounds the snapshot's cost per interval
    /// however much engagement a shard takes. Default 8.
    /// </summary>
    public int MaxSnapshotPages { get; set; } = 8;

    /// <summary>
    /// How often a catalog shard writes its changed snapshot pages: the most registrations and signals a crash of its
    /// silo can lose until the videos re-announce themselves (a graceful stop loses none: the shard writes on the way
    /// out). Longer intervals write less often; over 0. Default 5 s.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(5);
}
