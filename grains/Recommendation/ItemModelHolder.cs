namespace Platform.Grains.Recommendation;

/// <summary>
/// The silo's current item-item model (one per silo, shared by its catalog shards), swapped atomically by the
/// silo's refresher while feeds keep reading the previous one. Empty until the first refresh, and always when
/// <see cref="Weight"/> is 0.
/// </summary>
public sealed class ItemModelHolder(float weight)
{
    private volatile ItemItemModel? _current;
    private long _version;

    /// <summary>Weight of the model's score in a candidate's co-engagement score (<c>Platform:ItemModel:Weight</c>).</summary>
    public float Weight => weight;

    /// <summary>The model in use, or null.</summary>
    public ItemItemModel? Current => _current;

    /// <summary>Incremented at every swap, so a shard knows when to recompute its columns.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Use(ItemItemModel? model)
    {
        _current = model;
        Interlocked.Increment(ref _version);
    }
}
