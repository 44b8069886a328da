using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>A creator's earnings, changed only inside payments' transactions.</summary>
public sealed class CreatorEarningsGrain(
    [TransactionalState(StorageNames.CreatorEarningsState, StorageNames.Provider)] ITransactionalState<CreatorEarningsState> earnings)
    : Grain, ICreatorEarningsGrain
{
    public Task<CreatorEarnings> AddAsync(PaymentKind kind, long amountCents, long feeCents) => earnings.PerformUpdate(s =>
    {
        if (kind == PaymentKind.Tip)
        {
            s.TipsCents += amountCents;
        }
        else
        {
            s.SalesCents += amountCents;
        }

        s.PlatformFeeCents += feeCents;
        s.Payments++;
        return ToEarnings(s);
    });

    public Task<CreatorEarnings> GetAsync() => earnings.PerformRead(ToEarnings);

    private CreatorEarnings ToEarnings(CreatorEarningsState s)
    {
        var gross = s.TipsCents + s.SalesCents;
        return new CreatorEarnings(this.GetPrimaryKeyString(), s.TipsCents, s.SalesCents, gross, s.PlatformFeeCents, gross - s.PlatformFeeCents, s.Payments);
    }
}
