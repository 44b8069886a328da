using System.Reflection;
using Orleans.Placement;
using Orleans.Transactions.Abstractions;
using Platform.Grains.Money;

namespace Platform.Tests.Money;

public sealed class TransactionalGrainPlacementTests
{
    /// <summary>
    /// The activation rebalancer once deactivated a wallet while its transaction was in flight: the transaction's next
    /// message to the wallet waited for the migration, the migration for the transaction, and the tips of that wallet
    /// stalled for the 30 s call timeout (durable tip bench, 3 silos). Every grain with transactional state stays put.
    /// </summary>
    [Fact]
    public void EveryGrainWithTransactionalStateIsImmovable()
    {
        var transactional = typeof(WalletGrain).Assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && t.GetConstructors().Any(c => c.GetParameters().Any(p =>
                p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(ITransactionalState<>))))
            .ToArray();

        Assert.Contains(typeof(WalletGrain), transactional);
        Assert.True(transactional.Length >= 5, string.Join(", ", transactional.Select(t => t.Name)));
        Assert.All(transactional, t => Assert.Equal(ImmovableKind.Any, t.GetCustomAttribute<ImmovableAttribute>()?.Kind));
    }
}
