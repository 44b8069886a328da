using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// Which part of a co-engagement record each catalog shard needs. A shard keeps the edges that point at its own
/// videos: the video's shard keeps every recent video's edge to it, so it gets the whole record; any other shard keeps
/// only the video's edges to the recent videos it holds, so it gets those alone, with their ranks in the user's list.
/// Before, every shard holding any of them got the whole record and looked up every id in it: eight shards doing the
/// work of one and a half.
/// </summary>
public static class CoEngagementRouting
{
    public static IEnumerable<(int Shard, CoEngagementRecord Part)> Split(CoEngagementRecord record, int shards)
    {
        var own = IdHash.Shard(record.VideoId, shards);
        yield return (own, record);

        var recent = record.RecentVideos;
        var byShard = new Dictionary<int, (List<string> Videos, List<int> Ranks)>();
        for (var k = 0; k < recent.Length; k++)
        {
            var shard = IdHash.Shard(recent[k], shards);
            if (shard == own)
            {
                continue;
            }

            if (!byShard.TryGetValue(shard, out var part))
            {
                byShard[shard] = part = ([], []);
            }

            part.Videos.Add(recent[k]);
            part.Ranks.Add(record.Ranks?[k] ?? k);
        }

        foreach (var (shard, part) in byShard)
        {
            yield return (shard, new CoEngagementRecord(record.VideoId, [.. part.Videos], [.. part.Ranks]));
        }
    }
}
