namespace Platform.GrainInterfaces;

/// <summary>
/// The idempotency record of one payment id, keyed <c>{kind}/{id}</c> (<see cref="PaymentRecordKeys"/>).
/// Joins the payment's transaction, so the record exists exactly when the payment committed.
/// </summary>
public interface IPaymentRecordGrain : IGrainWithStringKey
{
    /// <summary>
    /// The record if the id was used before (and then nothing changes); otherwise stores
    /// <paramref name="proposed"/> when <paramref name="claim"/> is true, and returns null.
    /// </summary>
    [Transaction(TransactionOption.Join)]
    Task<PaymentRecord?> ClaimAsync(PaymentRecord proposed, bool claim);

    /// <summary>
    /// The user's erasure: the record keeps the id used (a replay is 409, never a second charge) but no longer names
    /// the user or the balance (<see cref="PaymentRecord.Anonymized"/>). Idempotent; nothing for an unused id.
    /// </summary>
    [Transaction(TransactionOption.CreateOrJoin)]
    Task AnonymizeAsync();
}
