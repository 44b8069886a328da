namespace Platform.Grains.Money;

/// <summary>A creator's transactional earnings. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CreatorEarningsState")]
public sealed class CreatorEarningsState
{
    [Id(0)] public long TipsCents { get; set; }

    [Id(1)] public long SalesCents { get; set; }

    [Id(2)] public long PlatformFeeCents { get; set; }

    [Id(3)] public long Payments { get; set; }
}
