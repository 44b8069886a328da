using Platform.Grains.Recommendation;
using Platform.Grains.Storage;

namespace Platform.Tests.Grains;

public sealed class RecentIdsTests
{
    [Fact]
    public void HoldsWhatAnOrderedListWithTheSameTrimmingHoldsThroughAddsRemovesAndReloads()
    {
        var random = new Random(11);
        var recent = new RecentIds();
        var model = new List<string>();
        const int capacity = 40;
        for (var step = 0; step < 5_000; step++)
        {
            var id = random.Next(4) == 0 ? $"视频-{random.Next(120)}" : $"v-{random.Next(120)}";
            if (random.Next(5) == 0)
            {
                Assert.Equal(model.Remove(id), recent.Remove(id));
            }
            else
            {
                var added = !model.Contains(id);
                Assert.Equal(added, recent.Add(id, capacity));
                if (added)
                {
                    model.Add(id);
                    if (model.Count > capacity + capacity / 8)
                    {
                        model.RemoveRange(0, model.Count - capacity);
                    }
                }
            }

            if (step % 500 == 0)
            {
                recent = new RecentIds { Packed = recent.Packed };
            }

            Assert.Equal(model.Count, recent.Count);
        }

        Assert.Equal(model, recent.ToArray());
        Assert.Equal(model.TakeLast(7), recent.Last(7));
        Assert.Equal(model.Select(IdHash.Of), recent.Hashes().ToArray());
        Assert.All(model, id => Assert.True(recent.Contains(id)));
    }

    [Fact]
    public void StateStoredAsAListOfIdsLoadsIntoTheCompactForm()
    {
        var serializer = GrainStateSerializer.Instance;

        // A RecentIds holding v-1, v-2, v-3 as the version before the compact form wrote it (its list of strings, Id 0).
        var loaded = serializer.Deserialize<RecentIds>(Convert.FromHexString("202000074107762D314007762D324007762D33E0E0"))!;
        loaded.Add("v-4", 10);

        Assert.Equal(["v-1", "v-2", "v-3", "v-4"], loaded.ToArray());
        Assert.False(loaded.Add("v-2", 10));
        Assert.Equal(["v-1", "v-2", "v-3", "v-4"], serializer.Deserialize<RecentIds>(serializer.SerializeToArray(loaded))!.ToArray());
    }

    [Fact]
    public void LongIdsTakeATwoByteLengthAndOverlongOnesAreRefused()
    {
        var recent = new RecentIds();
        var long1 = new string('a', 200);
        var long2 = new string('b', 5_000);

        recent.Add("short", 10);
        recent.Add(long1, 10);
        recent.Add(long2, 10);

        Assert.Equal(["short", long1, long2], new RecentIds { Packed = recent.Packed }.ToArray());
        Assert.Throws<ArgumentException>(() => recent.Add(new string('c', RecentIds.MaxIdBytes + 1), 10));
        Assert.Equal(3, recent.Count);
    }
}
