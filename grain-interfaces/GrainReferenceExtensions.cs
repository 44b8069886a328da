namespace Platform.GrainInterfaces;

/// <summary>
/// Grain references without Orleans' per-call reflection: <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves
/// the grain interface type of <c>T</c> from its attributes on every call (13% of the grains'
/// CPU under ingest in a profile, see docs/benchmarks.md). These resolve each interface once and then only
/// build the grain id. The gateway's event and feed routes use them as well.
/// </summary>
public static class GrainReferenceExtensions
{
    public static T Reference<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = ResolvedTypes<T>.Get(grains);
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    public static T Reference<T>(this IGrainFactory grains, long key)
        where T : IGrainWithIntegerKey
    {
        var (grainType, interfaceType) = ResolvedTypes<T>.Get(grains);
        return (T)grains.GetGrain(GrainId.Create(grainType, GrainIdKeyExtensions.CreateIntegerKey(key)), interfaceType);
    }

    /// <summary>The grain and interface types of <typeparamref name="T"/>, the same in every silo of the process.</summary>
    /// <remarks>
    /// Published as one object: a struct of several words written by one thread can be read half-written by another
    /// (a new silo's first concurrent requests got a default interface and failed with "Unable to find an
    /// IGrainReferenceActivatorProvider"); a reference is written whole.
    /// </remarks>
    private static class ResolvedTypes<T>
        where T : IAddressable
    {
        private static Types? s_types;

        public static (GrainType Grain, GrainInterfaceType Interface) Get(IGrainFactory grains)
        {
            if (Volatile.Read(ref s_types) is not { } types)
            {
                var reference = (GrainReference)grains.GetGrain(typeof(T), IdSpan.Create("resolve"));
                types = new Types(reference.GrainId.Type, reference.InterfaceType);
                Volatile.Write(ref s_types, types);
            }

            return (types.Grain, types.Interface);
        }

        private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
    }
}
