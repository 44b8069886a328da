using System.Globalization;

namespace Platform.Simulator;

/// <summary>
/// Writes a rating log (MovieLens u.data layout) drawn from the hidden truth, without a platform: users
/// take turns choosing an unseen video (with probability growing with how much they would like it, as
/// people pick what they watch) and rate it 4-5 when they like it, 1-3 otherwise. A second, differently
/// shaped log for the evaluator, so its defaults are not fitted to MovieLens alone.
/// </summary>
public static class RatingLogWriter
{
    public static void Write(string path, int users, int creators, int videos, int events, int seed)
    {
        var truth = new GroundTruth(users, creators, seed);
        for (var v = 0; v < videos; v++)
        {
            truth.AddVideo(v % creators);
        }

        var random = new Random(seed + 2);
        var seen = Enumerable.Range(0, users).Select(_ => new HashSet<int>()).ToArray();
        using var writer = new StreamWriter(path);
        var time = 1_000_000_000L;
        for (var e = 0; e < events; e++)
        {
            var u = random.Next(users);
            var v = Choose(truth, u, seen[u], videos, random);
            if (v < 0)
            {
                continue;
            }

            seen[u].Add(v);
            var liked = random.NextDouble() < truth.LikeProbability(u, v);
            var rating = liked ? 4 + random.Next(2) : 1 + random.Next(3);
            time += 1 + random.Next(60);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u}\t{v}\t{rating}\t{time}"));
        }
    }

    // Samples a handful of unseen videos and keeps one in proportion to its like probability.
    private static int Choose(GroundTruth truth, int user, HashSet<int> seen, int videos, Random random)
    {
        var best = -1;
        var total = 0.0;
        for (var k = 0; k < 20; k++)
        {
            var v = random.Next(videos);
            if (seen.Contains(v))
            {
                continue;
            }

            var weight = truth.LikeProbability(user, v);
            total += weight;
            if (random.NextDouble() * total < weight)
            {
                best = v;
            }
        }

        return best;
    }
}
