namespace Platform.GrainInterfaces;

/// <summary>One weight of the hand-set ranking blend that a variant overrides (<c>Ranking:Blend:{Name}</c>).</summary>
[GenerateSerializer, Immutable, Alias("Platform.BlendWeight")]
public sealed record BlendWeight(
    [property: Id(0)] string Name,
    [property: Id(1)] double Weight);
