using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>The moderation queue's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.ModerationQueueState")]
public sealed class ModerationQueueState
{
    /// <summary>The videos in review, by video id.</summary>
    [Id(0)] public Dictionary<string, ModerationItem> Items { get; set; } = new(StringComparer.Ordinal);
}
