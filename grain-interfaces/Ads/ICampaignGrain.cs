namespace Platform.GrainInterfaces;

/// <summary>
/// An ad campaign: its definition and the authority over its budget. Silos never spend without a
/// lease from it, and it never leases more than the budget not yet spent or leased. Keyed by campaign id.
/// </summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Creates the campaign (idempotent for the same body) and lists it in the campaign directory.</summary>
    Task<CampaignCreateResult> CreateAsync(CampaignDefinition definition);

    /// <summary>The definition and totals, or null when the campaign was never created.</summary>
    Task<CampaignStats?> GetStatsAsync();

    /// <summary>
    /// Settles <paramref name="returned"/> (the silo's final spend of a lease it gives back, if any) and, when
    /// <paramref name="wantMore"/>, grants a new slice to <paramref name="silo"/>: small, paced when the campaign
    /// has an end time, never more than is free. A lease with id 0 means nothing was granted.
    /// </summary>
    Task<BudgetLease> RenewAsync(string silo, LeaseSpend? returned, bool wantMore);

    /// <summary>Records what a silo spent so far of an open lease; returns the totals, and whether the lease is still open.</summary>
    Task<LeaseReport> ReportAsync(LeaseSpend spend);

    /// <summary>Counts clicks and conversions on the campaign's ad, each event id once.</summary>
    Task RecordEngagementAsync(AdEngagement[] engagements);
}
