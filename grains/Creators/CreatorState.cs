namespace Platform.Grains.Creators;

/// <summary>A creator's persistent state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CreatorState")]
public sealed class CreatorState
{
    /// <summary>The creator's videos with their counters, by video id.</summary>
    [Id(0)] public Dictionary<string, VideoTotals> Videos { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public long Followers { get; set; }
}
