namespace Platform.Grains.Ads;

/// <summary>
/// A silo's local copy of one budget lease, spent by feed requests on many threads at once without a lock:
/// the spend and a closed flag share one 64-bit word, so an impression is either taken before the slice is
/// closed (and counted in its final spend) or refused; it is never taken past the amount or the expiry.
/// </summary>
public sealed class BudgetSlice(long leaseId, long amountMillicents, DateTimeOffset expiresAt)
{
    private const long ClosedBit = 1L << 62;
    private long _spent;

    public long LeaseId { get; } = leaseId;

    public long AmountMillicents { get; } = amountMillicents;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Spent so far, in thousandths of a cent.</summary>
    public long SpentMillicents => Volatile.Read(ref _spent) & ~ClosedBit;

    public bool IsClosed => (Volatile.Read(ref _spent) & ClosedBit) != 0;

    /// <summary>Left to spend, in thousandths of a cent.</summary>
    public long RemainingMillicents => AmountMillicents - SpentMillicents;

    /// <summary>Takes one impression's cost; false when closed, expired or not enough is left.</summary>
    public bool TryTake(long cost, DateTimeOffset now)
    {
        if (now >= ExpiresAt)
        {
            return false;
        }

        while (true)
        {
            var spent = Volatile.Read(ref _spent);
            if ((spent & ClosedBit) != 0 || spent + cost > AmountMillicents)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _spent, spent + cost, spent) == spent)
            {
                return true;
            }
        }
    }

    /// <summary>Closes the slice: nothing more is taken from it. Returns its final spend.</summary>
    public long Close()
    {
        while (true)
        {
            var spent = Volatile.Read(ref _spent);
            if ((spent & ClosedBit) != 0 || Interlocked.CompareExchange(ref _spent, spent | ClosedBit, spent) == spent)
            {
                return spent & ~ClosedBit;
            }
        }
    }
}
