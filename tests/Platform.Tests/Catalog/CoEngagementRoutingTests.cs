using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Recommendation;

namespace Platform.Tests.Catalog;

public sealed class CoEngagementRoutingTests
{
    [Fact]
    public void ShardsFedTheSplitPartsKeepExactlyTheEdgesTheyKeepFromWholeRecords()
    {
        const int shards = 8, window = 20;
        var random = new Random(20261201);
        var ids = Enumerable.Range(0, 300).Select(i => $"v-{i}").ToArray();
        var whole = Indexes();
        var split = Indexes();
        var parts = 0;
        for (var n = 0; n < 3_000; n++)
        {
            // Recent lists longer than the window too: ranks past it count nowhere.
            var recent = ids.OrderBy(_ => random.Next()).Take(random.Next(26)).ToArray();
            var record = new CoEngagementRecord(ids[random.Next(ids.Length)], recent);
            for (var s = 0; s < shards; s++)
            {
                Record(whole[s], s, record);
            }

            foreach (var (shard, part) in CoEngagementRouting.Split(record, shards))
            {
                Record(split[shard], shard, part);
                parts++;
            }
        }

        for (var s = 0; s < shards; s++)
        {
            var expected = whole[s].Edges().OrderBy(e => (e.Anchor, e.Target)).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, split[s].Edges().OrderBy(e => (e.Anchor, e.Target)).ToArray());
        }

        // The video's shard gets the whole record; every other shard only what points at its videos.
        Assert.InRange(parts, 3_000, 3_000 * shards);

        static CoEngagementIndex[] Indexes() => [.. Enumerable.Range(0, shards).Select(_ => new CoEngagementIndex(200))];

        static void Record(CoEngagementIndex index, int shard, CoEngagementRecord r) =>
            index.Record(r.VideoId, r.RecentVideos, window, 0.8f, id => IdHash.Shard(id, shards) == shard, r.Ranks);
    }

    [Fact]
    public void OtherShardsGetOnlyTheirOwnRecentVideosWithTheirRanks()
    {
        const int shards = 8;
        var recent = Enumerable.Range(0, 20).Select(i => $"r-{i}").ToArray();
        var record = new CoEngagementRecord("the-video", recent);

        var parts = CoEngagementRouting.Split(record, shards).ToArray();

        var own = IdHash.Shard("the-video", shards);
        Assert.Same(record, parts[0].Part);
        Assert.Equal(own, parts[0].Shard);
        foreach (var (shard, part) in parts[1..])
        {
            Assert.NotEqual(own, shard);
            Assert.All(part.RecentVideos, v => Assert.Equal(shard, IdHash.Shard(v, shards)));
            Assert.Equal(part.RecentVideos.Select(v => Array.IndexOf(recent, v)), part.Ranks!);
        }

        Assert.Equal(recent.Where(v => IdHash.Shard(v, shards) != own).Order(), parts[1..].SelectMany(p => p.Part.RecentVideos).Order());
    }
}
