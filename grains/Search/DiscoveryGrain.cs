using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Search;

/// <summary>
/// Asks every catalog shard once, in parallel, and merges: search and tag pages keep the best hits by score (each
/// shard returns its own best <c>count</c>, so the merge is exact); trending tags sum each shard's proposals, then
/// fetch every shard's exact figures for the winners.
/// </summary>
// Stateless worker: no state, so every silo answers its own gateway's requests locally, one activation per core.
[StatelessWorker]
public sealed class DiscoveryGrain(IOptions<CatalogOptions> catalog, IOptions<SearchOptions> search) : Grain, IDiscoveryGrain
{
    private readonly int _shards = catalog.Value.Shards;

    public async Task<SearchHit[]> SearchAsync(string query, int count)
    {
        var answers = new Task<SearchHit[]>[_shards];
        for (var s = 0; s < _shards; s++)
        {
            answers[s] = Shard(s).SearchAsync(query, count);
        }

        return Merge(await Task.WhenAll(answers), count);
    }

    public async Task<SearchHit[]> GetTagVideosAsync(string tag, int count)
    {
        var answers = new Task<SearchHit[]>[_shards];
        for (var s = 0; s < _shards; s++)
        {
            answers[s] = Shard(s).GetTagVideosAsync(tag, count);
        }

        return Merge(await Task.WhenAll(answers), count);
    }

    public async Task<TrendingTag[]> GetTrendingTagsAsync(int count)
    {
        var proposals = new Task<TrendingTag[]>[_shards];
        var perShard = Math.Max(count * search.Value.TrendingTagOverfetch, 50);
        for (var s = 0; s < _shards; s++)
        {
            proposals[s] = Shard(s).GetTrendingTagsAsync(perShard);
        }

        var winners = Sum(await Task.WhenAll(proposals), count);
        if (winners.Length == 0)
        {
            return [];
        }

        // A tag below one shard's cut is missing from that shard's proposal: ask every shard for the winners' exact figures.
        var tags = Array.ConvertAll(winners, w => w.Tag);
        var stats = new Task<TrendingTag[]>[_shards];
        for (var s = 0; s < _shards; s++)
        {
            stats[s] = Shard(s).GetTagStatsAsync(tags);
        }

        return Sum(await Task.WhenAll(stats), count);
    }

    private IDiscoveryShardGrain Shard(int shard) => GrainFactory.Reference<IDiscoveryShardGrain>(shard);

    private static SearchHit[] Merge(SearchHit[][] answers, int count)
    {
        var all = new List<SearchHit>();
        foreach (var answer in answers)
        {
            all.AddRange(answer);
        }

        all.Sort(SearchHitOrder.Instance);
        return all.Count > count ? [.. all.GetRange(0, count)] : [.. all];
    }

    private static TrendingTag[] Sum(TrendingTag[][] answers, int count)
    {
        var totals = new Dictionary<string, (double Score, int Videos)>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            foreach (var tag in answer)
            {
                var (score, videos) = totals.GetValueOrDefault(tag.Tag);
                totals[tag.Tag] = (score + tag.Score, videos + tag.Videos);
            }
        }

        var merged = new List<TrendingTag>(totals.Count);
        foreach (var (tag, (score, videos)) in totals)
        {
            if (videos > 0)
            {
                merged.Add(new TrendingTag(tag, score, videos));
            }
        }

        merged.Sort(TrendingTagOrder.Best);
        return merged.Count > count ? [.. merged.GetRange(0, count)] : [.. merged];
    }
}
