using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Grains.Users;

/// <summary>A user's persistent state. Ids are never renumbered: stored state must load after upgrades.</summary>
[GenerateSerializer, Alias("Platform.UserState")]
public sealed class UserState : ILiveState
{
    /// <summary>Long-term taste embedding, learned online.</summary>
    [Id(0)] public float[] Vector { get; set; } = [];

    /// <summary>Short-term interest: a decaying average of recently engaged videos.</summary>
    [Id(1)] public float[] Interest { get; set; } = [];

    [Id(2)] public long Views { get; set; }
    [Id(3)] public long Likes { get; set; }
    [Id(4)] public long Shares { get; set; }
    [Id(5)] public long Comments { get; set; }
    [Id(6)] public long WatchMs { get; set; }

    /// <summary>Videos viewed or skipped: never served again (bounded).</summary>
    [Id(7)] public RecentIds Viewed { get; set; } = new();

    /// <summary>Videos served in recent feeds: not served again while remembered.</summary>
    [Id(8)] public RecentIds Served { get; set; } = new();

    /// <summary>Videos the user currently likes, for like/unlike.</summary>
    [Id(9)] public RecentIds Liked { get; set; } = new();

    /// <summary>
    /// Ids of recently applied events as strings: the format before <see cref="AppliedEventHashes"/>,
    /// read from older stored state and moved into that on activation; empty otherwise.
    /// </summary>
    [Id(10)] public RecentIds AppliedEvents { get; set; } = new();

    /// <summary>Followed creators, oldest first.</summary>
    [Id(11)] public RecentIds Following { get; set; } = new();

    /// <summary>The last outbox sequence number used; each outbox entry takes the next.</summary>
    [Id(12)] public long LastSequence { get; set; }

    /// <summary>
    /// Work owed to videos and creators, in sequence order, written together with the events it comes
    /// from and removed once acknowledged: a crash between the two steps loses and repeats nothing.
    /// </summary>
    [Id(13)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>Videos recently engaged with (viewed, liked, shared, commented; not skipped), oldest first: co-engagement anchors.</summary>
    [Id(14)] public RecentIds Engaged { get; set; } = new();

    /// <summary>Creators of recently engaged videos, oldest first, with repeats: creator affinity.</summary>
    [Id(15)] public List<string> RecentCreators { get; set; } = [];

    /// <summary>What the user did with each recent engaged video, and its title: what feed reasons may name.</summary>
    [Id(16)] public Dictionary<string, EngagedVideo> EngagedVideos { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The user's privacy settings; null until the user chooses any (personalization on).</summary>
    [Id(17)] public UserSettings? Settings { get; set; }

    /// <summary>Hashes of recently applied event ids, to drop retried duplicates.</summary>
    [Id(18)] public RecentHashes AppliedEventHashes { get; set; } = new();

    /// <summary>Ad interests, frequency caps and served ads (see <see cref="Ads.UserAdState"/>).</summary>
    [Id(19)] public Ads.UserAdState Ads { get; set; } = new();
}
