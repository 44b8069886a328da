namespace Platform.GrainInterfaces;

/// <summary>A validated request to register a video.</summary>
/// <param name="Fingerprint">The media's 64-bit perceptual hash, when the uploader's pipeline computed one.</param>
[GenerateSerializer, Immutable, Alias("Platform.VideoRegistration")]
public sealed record VideoRegistration(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CreatorId,
    [property: Id(2)] string Title,
    [property: Id(3)] string[] Tags,
    [property: Id(4)] int DurationMs,
    [property: Id(5)] int PriceCents = 0,
    [property: Id(6)] ulong? Fingerprint = null);
