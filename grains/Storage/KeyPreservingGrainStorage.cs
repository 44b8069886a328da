using Orleans.Storage;

namespace Platform.Grains.Storage;

/// <summary>
/// Hands the ADO.NET grain storage a grain key it cannot misread. That provider stores a string key
/// that parses as hexadecimal (<c>c1</c>, <c>C1</c>, <c>00c1</c>) or as a GUID as a number, so distinct
/// ids such as <c>c1</c> and <c>C1</c> would share one row. Prefixing every key with <c>k:</c> (a
/// character no hex number or GUID contains) keeps each id its own row, stored verbatim after the prefix.
/// </summary>
public sealed class KeyPreservingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private const string Prefix = "k:";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Escape(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Escape(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Escape(grainId), grainState);

    /// <summary>The grain id the inner storage sees: same type, key prefixed with <c>k:</c>.</summary>
    public static GrainId Escape(GrainId grainId) => GrainId.Create(grainId.Type, Prefix + grainId.Key.ToString());
}
