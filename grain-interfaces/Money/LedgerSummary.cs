namespace Platform.GrainInterfaces;

/// <summary>
/// Money over all wallets and creators (or one ledger shard's part of it):
/// <c>CreditedCents = BalanceCents + SpentCents + ForfeitedCents</c> and <c>SpentCents = GrossCents</c>, exactly.
/// <paramref name="ForfeitedCents"/> is what erased users' wallets still held when they were erased (see docs/money.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.LedgerSummary")]
public sealed record LedgerSummary(
    [property: Id(0)] long CreditedCents,
    [property: Id(1)] long BalanceCents,
    [property: Id(2)] long SpentCents,
    [property: Id(3)] long GrossCents,
    [property: Id(4)] long PlatformFeeCents,
    [property: Id(5)] long ForfeitedCents = 0)
{
    public static readonly LedgerSummary Zero = new(0, 0, 0, 0, 0, 0);

    public LedgerSummary Add(LedgerSummary other) => new(
        CreditedCents + other.CreditedCents,
        BalanceCents + other.BalanceCents,
        SpentCents + other.SpentCents,
        GrossCents + other.GrossCents,
        PlatformFeeCents + other.PlatformFeeCents,
        ForfeitedCents + other.ForfeitedCents);
}
