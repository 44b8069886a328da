using Platform.GrainInterfaces;

namespace Platform.Grains.Users;

/// <summary>
/// Work a user owes another grain, recorded in the same write as the events it comes from and kept
/// until that grain acknowledges it: either engagement for a video or a follower change for a creator.
/// </summary>
[GenerateSerializer, Alias("Platform.OutboxEntry")]
public sealed class OutboxEntry
{
    /// <summary>The receiving video or creator id.</summary>
    [Id(0)] public string Target { get; set; } = "";

    /// <summary>Engagement owed to the video <see cref="Target"/>; null for a follower change.</summary>
    [Id(1)] public VideoEngagementRequest? Video { get; set; }

    /// <summary>Follower change owed to the creator <see cref="Target"/>; null for engagement.</summary>
    [Id(2)] public FollowChange? Follow { get; set; }

    public long Sequence => Video?.Sequence ?? Follow!.Sequence;
}
