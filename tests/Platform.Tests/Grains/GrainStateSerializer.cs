using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.Grains.Storage;

namespace Platform.Tests.Grains;

/// <summary>The Orleans serializer with the grains' state types, as the storage providers use it, without a silo.</summary>
internal static class GrainStateSerializer
{
    public static readonly Serializer Instance = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(DeliveryLedger).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();
}
