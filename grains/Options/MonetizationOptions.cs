namespace Platform.Grains.Options;

/// <summary>Wallets, tips and paid videos. Section <c>Platform:Monetization</c>.</summary>
public sealed class MonetizationOptions
{
    public const string Section = "Platform:Monetization";

    /// <summary>
    /// The platform's share of each tip and purchase, 0..1: the fee is <c>floor(amount * share)</c> cents,
    /// computed exactly (decimal), per payment. Default 0.3.
    /// </summary>
    public decimal PlatformFeeShare { get; set; } = 0.3m;

    /// <summary>
    /// Payments a wallet keeps in its own state before it writes them out as one journal page (in the transaction of
    /// the payment that fills it). Every payment copies and stores the wallet's whole state (with these entries) a few
    /// times, so smaller pages make each payment cheaper, at one extra participant every that many payments.
    /// 1..10,000, default 20.
    /// </summary>
    public int JournalPageSize { get; set; } = 20;

    /// <summary>
    /// How long a creator's earnings grain holds its payments' ledger changes before it moves them to its ledger shard
    /// (in a transaction of its own). The ledger summary reads what is held as well, so it is exact at any moment; a
    /// longer interval means fewer flushes and fewer tips that lock a shard (the first after each flush), and more
    /// creators for a summary to read. 50 ms..1 hour, default 5 seconds.
    /// </summary>
    public TimeSpan LedgerFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The platform's fee out of <paramref name="amountCents"/>.</summary>
    public long FeeOf(long amountCents) => (long)decimal.Floor(amountCents * PlatformFeeShare);
}
