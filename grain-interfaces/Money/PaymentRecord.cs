namespace Platform.GrainInterfaces;

/// <summary>
/// What a payment id was used for, kept in the payment's own transaction: a retry of the same id is
/// answered from it (with the same content) or refused (with other content), never charged twice.
/// </summary>
/// <param name="Kind">Credit, tip or purchase.</param>
/// <param name="UserId">The wallet's user.</param>
/// <param name="Target">The creator tipped, the video bought, or empty for a credit.</param>
/// <param name="VideoId">The video a tip was given on, if any.</param>
/// <param name="AmountCents">The amount.</param>
/// <param name="BalanceAfterCents">The wallet's balance right after the payment.</param>
[GenerateSerializer, Immutable, Alias("Platform.PaymentRecord")]
public sealed record PaymentRecord(
    [property: Id(0)] PaymentKind Kind,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Target,
    [property: Id(3)] string? VideoId,
    [property: Id(4)] long AmountCents,
    [property: Id(5)] long BalanceAfterCents)
{
    /// <summary>The record of an erased user's payment: the same payment, with no user and no balance.</summary>
    public PaymentRecord Anonymized() => this with { UserId = "", BalanceAfterCents = 0 };

    /// <summary>Whether <paramref name="other"/> asks for the same payment (the balance is not part of the request).</summary>
    public bool SameRequest(PaymentRecord other) =>
        Kind == other.Kind && UserId == other.UserId && Target == other.Target && VideoId == other.VideoId && AmountCents == other.AmountCents;
}
