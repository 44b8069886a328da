using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Recommendation;

/// <summary>
/// One refresh of the item-item model from co-engagement kept in parts (the catalog shards: each holds the edges
/// pointing at its own videos, so a video's incoming weight is all in its own shard): asks every part for its
/// most co-engaged videos, keeps the <see cref="ItemModelOptions.MaxItems"/> largest overall, asks every part for
/// the edges among those, and solves (<see cref="EaseSolver"/>). The silo and the offline evaluator (one part)
/// both build their model through here.
/// </summary>
public static class ItemModelRefresh
{
    public static async Task<ItemItemModel?> BuildAsync(
        int parts,
        Func<int, int, Task<ItemActivity[]>> mostEngaged,
        Func<int, string[], Task<ItemEdgeList>> edgesAmong,
        ItemModelOptions options)
    {
        var found = new Task<ItemActivity[]>[parts];
        for (var p = 0; p < parts; p++)
        {
            found[p] = mostEngaged(p, options.MaxItems);
        }

        var all = (await Task.WhenAll(found)).SelectMany(a => a).ToList();
        all.Sort(static (a, b) => b.Weight.CompareTo(a.Weight) is var c and not 0 ? c : string.CompareOrdinal(a.VideoId, b.VideoId));
        var chosen = all.Take(options.MaxItems).ToArray();
        if (chosen.Length < 2)
        {
            return null;
        }

        var items = chosen.Select(a => a.VideoId).ToArray();
        var edges = new Task<ItemEdgeList>[parts];
        for (var p = 0; p < parts; p++)
        {
            edges[p] = edgesAmong(p, items);
        }

        var lists = await Task.WhenAll(edges);
        return EaseSolver.Fit(items, chosen.Select(a => a.Weight).ToArray(), lists, options.Ridge);
    }
}
