namespace Platform.GrainInterfaces;

/// <summary>A video's latest embedding and signals, as reported to its catalog shard.</summary>
[GenerateSerializer, Immutable, Alias("Platform.VideoReport")]
public sealed record VideoReport(
    [property: Id(0)] string VideoId,
    [property: Id(1)] float[] Vector,
    [property: Id(2)] VideoSignals Signals);
