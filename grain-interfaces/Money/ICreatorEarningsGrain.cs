using Orleans.Concurrency;

namespace Platform.GrainInterfaces;

/// <summary>A creator's earnings from tips and sales, keyed by creator id; changed only inside a payment's transaction.</summary>
public interface ICreatorEarningsGrain : IGrainWithStringKey
{
    /// <summary>Adds one payment of <paramref name="amountCents"/>, of which <paramref name="feeCents"/> is the platform's. Returns the new totals.</summary>
    [Transaction(TransactionOption.Join)]
    Task<CreatorEarnings> AddAsync(PaymentKind kind, long amountCents, long feeCents);

    /// <summary>The creator's earnings.</summary>
    [ReadOnly]
    [Transaction(TransactionOption.CreateOrJoin)]
    Task<CreatorEarnings> GetAsync();
}
