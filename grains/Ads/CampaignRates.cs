using Platform.GrainInterfaces;

namespace Platform.Grains.Ads;

/// <summary>The rates reported for a campaign, from its totals.</summary>
public static class CampaignRates
{
    /// <summary>Clicks per impression; 0 before the first impression.</summary>
    public static double Ctr(CampaignStanding s) => s.Impressions == 0 ? 0 : (double)s.Clicks / s.Impressions;

    /// <summary>Conversions per click; 0 before the first click.</summary>
    public static double Cvr(CampaignStanding s) => s.Clicks == 0 ? 0 : (double)s.Conversions / s.Clicks;

    /// <summary>Spend per 1,000 impressions, in cents: exactly the bid, since every impression costs the bid / 1000.</summary>
    public static decimal EcpmCents(CampaignStanding s) => s.Impressions == 0 ? 0 : s.SpentMillicents / (decimal)s.Impressions;
}
