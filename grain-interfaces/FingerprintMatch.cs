namespace Platform.GrainInterfaces;

/// <summary>A published video whose fingerprint is near the one looked up.</summary>
[GenerateSerializer, Immutable, Alias("Platform.FingerprintMatch")]
public sealed record FingerprintMatch(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] int Distance);
