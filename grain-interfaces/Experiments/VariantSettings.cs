namespace Platform.GrainInterfaces;

/// <summary>
/// The feed and ranking settings one experiment variant overrides; a null field keeps the platform's
/// configured value. The allowlist is exactly these fields (shared/API.md, "Experiments").
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.VariantSettings")]
public sealed record VariantSettings(
    [property: Id(0)] CandidateSource[]? Sources = null,
    [property: Id(1)] double? ExploreShare = null,
    [property: Id(2)] double? DiversityPenalty = null,
    [property: Id(3)] int? MaxPerCreator = null,
    [property: Id(4)] string? ModelPath = null,
    [property: Id(5)] BlendWeight[]? Blend = null)
{
    /// <summary>A variant that changes nothing (the usual control).</summary>
    public static readonly VariantSettings None = new();

    /// <summary>True when the variant overrides nothing.</summary>
    public bool IsEmpty => Sources is null && ExploreShare is null && DiversityPenalty is null
        && MaxPerCreator is null && ModelPath is null && Blend is null;
}
