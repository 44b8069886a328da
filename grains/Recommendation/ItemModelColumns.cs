namespace Platform.Grains.Recommendation;

/// <summary>
/// A catalog shard's own videos among those an <see cref="ItemItemModel"/> covers, computed once per model
/// (a refreshed model is a new instance), so a feed query adds scores only for videos the shard can propose.
/// </summary>
public sealed class ItemModelColumns(Func<string, bool> isLocal)
{
    private ItemItemModel? _model;
    private int[] _columns = [];

    public int[] For(ItemItemModel model)
    {
        if (!ReferenceEquals(model, _model))
        {
            _columns = model.ColumnsWhere(isLocal);
            _model = model;
        }

        return _columns;
    }
}
