namespace Platform.GrainInterfaces;

/// <summary>
/// A slice of a campaign's budget handed to one silo: the silo may spend up to <see cref="AmountMillicents"/>
/// on impressions until <see cref="ExpiresAt"/> (by its own clock) and then returns what it did not spend.
/// After the expiry and a grace period the campaign takes back whatever was not reported spent.
/// </summary>
/// <param name="LeaseId">The lease's number within its campaign; 0 when nothing was granted.</param>
/// <param name="AmountMillicents">Budget the silo may spend, in thousandths of a cent (a whole number of impressions).</param>
/// <param name="ExpiresAt">When the silo must stop spending it.</param>
/// <param name="Standing">The campaign's totals after this call (the silo learns the click rate from them).</param>
[GenerateSerializer, Immutable, Alias("Platform.BudgetLease")]
public sealed record BudgetLease(
    [property: Id(0)] long LeaseId,
    [property: Id(1)] long AmountMillicents,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] CampaignStanding Standing)
{
    public bool Granted => LeaseId != 0 && AmountMillicents > 0;
}
