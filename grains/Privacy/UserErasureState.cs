namespace Platform.Grains.Privacy;

/// <summary>A user's erasure in progress. Removed once every step is done. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.UserErasureState")]
public sealed class UserErasureState
{
    /// <summary>When the erasure was first asked for.</summary>
    [Id(0)] public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Names of the steps done.</summary>
    [Id(1)] public List<string> Done { get; set; } = [];
}
