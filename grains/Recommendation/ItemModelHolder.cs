namespace Platform.Grains.Recommendation;

/// <summary>
/// The silo's current item-item model (one per silo, shared by its catalog shards), swapped atomically by the
/// silo's refresher while feeds keep reading the previous one. Empty until the first refresh, and always when
/// <see cref="Weight"/> is 0.
/// </summary>
public sealed class ItemModelHolder(float weight)
{
    private volatile ItemItemModel? _current;

    /// <summary>Weight of the model's score in a candidate's co-engagement score (<c>Platform:ItemModel:Weight</c>).</summary>
    public float Weight => weight;

    /// <summary>The model in use, or null.</summary>
    public ItemItemModel? Current => _current;

    /// <summary>Uses <paramref name="model"/> from now on (a shard sees a new instance and recomputes its columns).</summary>
    public void Use(ItemItemModel? model) => _current = model;
}
