namespace Platform.GrainInterfaces;

/// <summary>A campaign's totals, as its grain knows them (money in thousandths of a cent).</summary>
/// <param name="Impressions">Impressions paid for: settled slices plus what silos reported of open ones.</param>
/// <param name="Clicks">Clicks attributed to the campaign (at most one per impression).</param>
/// <param name="Conversions">Conversions attributed to the campaign (at most one per impression).</param>
/// <param name="SpentMillicents">Money spent, in thousandths of a cent.</param>
/// <param name="RemainingMillicents">Budget not spent yet, in thousandths of a cent.</param>
/// <param name="Running">False once the rest cannot pay an impression or the end time passed.</param>
[GenerateSerializer, Immutable, Alias("Platform.CampaignStanding")]
public sealed record CampaignStanding(
    [property: Id(0)] long Impressions,
    [property: Id(1)] long Clicks,
    [property: Id(2)] long Conversions,
    [property: Id(3)] long SpentMillicents,
    [property: Id(4)] long RemainingMillicents,
    [property: Id(5)] bool Running);
