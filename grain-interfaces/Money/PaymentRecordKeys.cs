namespace Platform.GrainInterfaces;

/// <summary>Keys of <see cref="IPaymentRecordGrain"/>: one namespace of ids per kind of payment.</summary>
public static class PaymentRecordKeys
{
    public static string For(PaymentKind kind, string paymentId) => kind switch
    {
        PaymentKind.Credit => $"credit/{paymentId}",
        PaymentKind.Tip => $"tip/{paymentId}",
        PaymentKind.Purchase => $"purchase/{paymentId}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
