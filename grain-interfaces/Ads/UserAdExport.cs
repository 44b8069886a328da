namespace Platform.GrainInterfaces;

/// <summary>What ads hold about a user, for the export.</summary>
/// <param name="InterestTags">Tags of videos the user engaged with (ad targeting), oldest first.</param>
/// <param name="CapDay">The UTC day <paramref name="ShownOnCapDay"/> counts (yyyy-MM-dd), or null if no ad was shown yet.</param>
/// <param name="ShownOnCapDay">Impressions per campaign on that day (the frequency caps).</param>
/// <param name="Served">The most recent ads served (click and conversion attribution), oldest first.</param>
[GenerateSerializer, Immutable, Alias("Platform.UserAdExport")]
public sealed record UserAdExport(
    [property: Id(0)] string[] InterestTags,
    [property: Id(1)] string? CapDay,
    [property: Id(2)] Dictionary<string, int> ShownOnCapDay,
    [property: Id(3)] ServedAdExport[] Served);
