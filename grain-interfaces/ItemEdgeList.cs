namespace Platform.GrainInterfaces;

/// <summary>
/// Co-engagement edges among the videos an item-item model covers, by their positions in the list the shard was
/// asked about: edge k goes from <c>Anchors[k]</c> to <c>Targets[k]</c> with <c>Weights[k]</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ItemEdgeList")]
public sealed record ItemEdgeList(
    [property: Id(0)] int[] Anchors,
    [property: Id(1)] int[] Targets,
    [property: Id(2)] float[] Weights);
