namespace Platform.Grains.Options;

/// <summary>
/// How grains hand durable work to each other (the outboxes of users and videos, and the ledgers
/// receivers keep to apply each delivery once). Section <c>Platform:Delivery</c>.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Platform:Delivery";

    /// <summary>
    /// How long a user waits, after its deliveries were acknowledged, before it records that durably
    /// and tells the receivers they may forget the deliveries (sooner when the user writes anyway). Default 5 s.
    /// </summary>
    public TimeSpan ConfirmDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a grain retries an outbox whose receiver did not answer. Default 1 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a receiver still remembers a delivery after the sender confirmed it: covers a copy of
    /// the request still in flight, which Orleans drops once the messaging response timeout (30 s by default)
    /// has passed. Must exceed that timeout. It bounds a busy video's ledger (about its engagement of this
    /// period), which the video writes with its counters. Default 1 minute.
    /// </summary>
    public TimeSpan ConfirmedRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a receiver remembers a delivery whose confirmation never came (the sender crashed after
    /// recording it): far longer than a sender takes to come back and redeliver. Default 6 hours.
    /// </summary>
    public TimeSpan UnconfirmedRetention { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Period of the reminder that brings a user back after a crash when its outbox could not be
    /// delivered (Orleans' minimum reminder period applies). Default 1 minute.
    /// </summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether each silo merges what its users send one video into one call per round trip (see
    /// VideoEngagementBatcher), so that a hot video is not one call per user batch. Default true.
    /// </summary>
    public bool BatchVideoEngagement { get; set; } = true;

    /// <summary>
    /// How long a silo keeps users' confirmations for a video waiting for the next engagement call to that video,
    /// which carries them (see VideoEngagementBatcher); those still waiting after this time go in a call of their
    /// own. A confirmation only lets the video forget a delivery sooner, so holding it costs the video's ledger that
    /// much longer memory of the delivery and saves a call per confirmation whenever the video hears from this silo
    /// again meanwhile. Zero sends each at once. Default 10 s.
    /// </summary>
    public TimeSpan ConfirmationHold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most user requests one merged call to a video carries (a caller's requests are never split,
    /// so a single larger caller still goes whole). Default 1,000.
    /// </summary>
    public int MaxEngagementBatch { get; set; } = 1000;

    /// <summary>
    /// How long a silo keeps a copy of a video's engagement context (creator, duration, vector, accepting
    /// events) so that events on it need no call to the video (see VideoContextCache). A state change (a
    /// takedown) drops the copies on every silo before it is answered (VideoStateBroadcast); a silo that does
    /// not confirm within this time keeps its copy until it expires. Zero turns the cache off. Default 5 s.
    /// </summary>
    public TimeSpan VideoContextTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most video contexts a silo keeps (about 300 bytes each with 32 dimensions). Default 200,000.</summary>
    public int VideoContextCacheEntries { get; set; } = 200_000;
}
