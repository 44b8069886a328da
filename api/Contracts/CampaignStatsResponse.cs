using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>
/// <c>GET /v1/admin/campaigns/{id}/stats</c>: the contract's fields, money in cents as exact decimals (an impression
/// costs bidCpmCents / 1000 cents), plus the same amounts as integer thousandths of a cent.
/// </summary>
public sealed record CampaignStatsResponse(
    string CampaignId,
    long Impressions,
    long Clicks,
    long Conversions,
    double Ctr,
    double Cvr,
    decimal SpentCents,
    decimal RemainingCents,
    decimal EcpmCents,
    long BudgetCents,
    long SpentMillicents,
    long RemainingMillicents,
    bool Running)
{
    public static CampaignStatsResponse From(CampaignStats stats)
    {
        var s = stats.Standing;
        var ecpm = s.Impressions == 0 ? 0m : s.SpentMillicents / (decimal)s.Impressions;
        return new CampaignStatsResponse(
            stats.Definition.CampaignId, s.Impressions, s.Clicks, s.Conversions,
            s.Impressions == 0 ? 0 : (double)s.Clicks / s.Impressions,
            s.Clicks == 0 ? 0 : (double)s.Conversions / s.Clicks,
            s.SpentMillicents / 1000m, s.RemainingMillicents / 1000m, ecpm,
            stats.Definition.BudgetCents, s.SpentMillicents, s.RemainingMillicents, s.Running);
    }
}
