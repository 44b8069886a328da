namespace Platform.GrainInterfaces;

/// <summary>An ad served to a user, as the export shows it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ServedAdExport")]
public sealed record ServedAdExport(
    [property: Id(0)] string VideoId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool Clicked,
    [property: Id(4)] bool Converted);
