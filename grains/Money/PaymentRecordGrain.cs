using Orleans.Placement;
using Orleans.Transactions.Abstractions;
using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Money;

/// <summary>
/// The idempotency record of one payment id, written in the payment's transaction. Every payment activates a new
/// one, so it is placed on the silo of the wallet that calls it: its activation, prepare and confirm messages stay
/// on that silo instead of going to a random one.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class PaymentRecordGrain(
    [TransactionalState(StorageNames.PaymentRecordState, StorageNames.Provider)] ITransactionalState<PaymentRecordState> record)
    : Grain, IPaymentRecordGrain
{
    public Task<PaymentRecord?> ClaimAsync(PaymentRecord proposed, bool claim) => claim
        ? record.PerformUpdate(s =>
        {
            if (s.Record is { } existing)
            {
                return existing;
            }

            s.Record = proposed;
            return (PaymentRecord?)null;
        })
        : record.PerformRead(s => s.Record);

    public Task AnonymizeAsync() => record.PerformUpdate(s =>
    {
        if (s.Record is { } existing)
        {
            s.Record = existing.Anonymized();
        }
    });
}
