using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>A payment id's transactional state: its record once the payment committed. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.PaymentRecordState")]
public sealed class PaymentRecordState
{
    [Id(0)] public PaymentRecord? Record { get; set; }
}
