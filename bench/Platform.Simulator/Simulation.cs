using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Platform.Simulator;

/// <summary>
/// Drives the platform through its HTTP API: every round each simulated user asks for a feed, watches
/// every served video and likes it with the hidden probability, and the events go back to the platform.
/// The same round is scored for two baselines that never touch the platform (random unseen videos, and
/// the most-liked unseen videos so far), drawn from the same hidden truth.
/// </summary>
public sealed class Simulation(SimulationSettings settings, PlatformClient platform)
{
    /// <summary>Runs after each round (the experiment mode reads its reports there).</summary>
    public Func<int, Task>? AfterRound { get; init; }

    private const int DurationMs = 30_000;

    private readonly GroundTruth _truth = new(settings.Users, settings.Creators, settings.Seed);
    private readonly Dictionary<string, int> _videoIndex = new(StringComparer.Ordinal);
    private readonly List<string> _videoIds = [];
    private readonly List<int> _firstServedRound = [];
    private readonly List<int> _creatorOf = [];
    private readonly Random _uploadRandom = new(settings.Seed + 1);
    private readonly ExposureTracker _exposure = new(settings.Rounds);

    public async Task<string> RunAsync(TextWriter output)
    {
        for (var v = 0; v < settings.Videos; v++)
        {
            AddVideo(v % settings.Creators, null);
        }

        await RegisterAsync(0, _videoIds.Count);
        var likeCounts = new int[settings.Videos + settings.NewVideos + settings.UploadsPerRound * settings.Rounds];
        var platformSeen = Enumerable.Range(0, settings.Users).Select(_ => new HashSet<int>()).ToArray();
        var randomSeen = Enumerable.Range(0, settings.Users).Select(_ => new HashSet<int>()).ToArray();
        var popularSeen = Enumerable.Range(0, settings.Users).Select(_ => new HashSet<int>()).ToArray();
        var rates = new List<(double Platform, double Random, double Popular)>();
        var newVideoStart = -1;
        output.WriteLine("round\tplatform\trandom\tpopularity\tsources");
        for (var round = 1; round <= settings.Rounds; round++)
        {
            if (round == settings.NewVideosAt && settings.NewVideos > 0)
            {
                // Good new videos (high hidden quality) arrive mid-run: do they reach an audience?
                newVideoStart = _videoIds.Count;
                for (var n = 0; n < settings.NewVideos; n++)
                {
                    _exposure.Track("newGood", AddVideo(n % settings.Creators, 1.0), round);
                }

                // And one creator uploads a burst at once, of the usual quality: does each upload find an audience?
                var burstCreator = _uploadRandom.Next(settings.Creators);
                for (var n = 0; n < settings.Burst; n++)
                {
                    _exposure.Track("burst", AddVideo(burstCreator, null), round);
                }

                await RegisterAsync(newVideoStart, _videoIds.Count);
            }

            if (round > 1 && settings.UploadsPerRound > 0)
            {
                // Creators keep uploading, as on a real platform, with the usual spread of quality.
                var from = _videoIds.Count;
                for (var n = 0; n < settings.UploadsPerRound; n++)
                {
                    AddVideo(_uploadRandom.Next(settings.Creators), null);
                }

                await RegisterAsync(from, _videoIds.Count);
            }

            var served = 0;
            var liked = 0;
            var foreign = 0;
            var sources = new ConcurrentDictionary<string, int>();
            var roundLikes = new ConcurrentBag<int>();
            await Parallel.ForEachAsync(Enumerable.Range(0, settings.Users), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, _) =>
            {
                var random = new Random(HashCode.Combine(settings.Seed, round, u));
                var userId = $"{settings.RunId}-u{u}";
                var items = await platform.GetFeedAsync(userId, settings.FeedSize);
                var events = new List<object>(items.Length * 2);
                var userLikes = 0;
                var userServed = 0;
                foreach (var item in items)
                {
                    if (!_videoIndex.TryGetValue(item.VideoId, out var v))
                    {
                        // A video of another run: the figures need a platform holding only this run's catalog.
                        Interlocked.Increment(ref foreign);
                        continue;
                    }

                    lock (_firstServedRound)
                    {
                        if (_firstServedRound[v] == 0)
                        {
                            _firstServedRound[v] = round;
                        }
                    }

                    userServed++;
                    sources.AddOrUpdate(item.Source, 1, (_, c) => c + 1);
                    platformSeen[u].Add(v);
                    var (like, watched) = _truth.Engage(u, v, random);
                    _exposure.Served(v, item.Source, round, like);
                    events.Add(new { eventId = $"{userId}-r{round}-{v}-v", userId, videoId = item.VideoId, type = "view", watchMs = (long)(watched * DurationMs) });
                    if (like)
                    {
                        userLikes++;
                        roundLikes.Add(v);
                        events.Add(new { eventId = $"{userId}-r{round}-{v}-l", userId, videoId = item.VideoId, type = "like" });
                    }
                }

                await platform.PostEventsAsync(events);
                Interlocked.Add(ref served, userServed);
                Interlocked.Add(ref liked, userLikes);
            });

            var randomRate = Baseline(randomSeen, round, (u, random) => RandomUnseen(randomSeen[u], random));
            var popularRate = Baseline(popularSeen, round, (u, _) => MostLikedUnseen(popularSeen[u], likeCounts));
            foreach (var v in roundLikes)
            {
                likeCounts[v]++;
            }

            if (foreign > 0)
            {
                output.WriteLine($"warning: {foreign} served videos belong to another run; start the platform fresh for clean figures");
            }

            var rate = served == 0 ? 0 : (double)liked / served;
            rates.Add((rate, randomRate, popularRate));
            var mix = string.Join(' ', sources.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round}\t{rate:F3}\t{randomRate:F3}\t{popularRate:F3}\t{mix}"));
            if (AfterRound is not null)
            {
                await AfterRound(round);
            }
        }

        _exposure.WriteReport(output, settings.Users, settings.FeedSize);
        return Summary(rates, newVideoStart);
    }

    private double Baseline(HashSet<int>[] seen, int round, Func<int, Random, IEnumerable<int>> pick)
    {
        var served = 0;
        var liked = 0;
        for (var u = 0; u < settings.Users; u++)
        {
            var random = new Random(HashCode.Combine(settings.Seed, round, u, 7));
            foreach (var v in pick(u, random).Take(settings.FeedSize).ToList())
            {
                seen[u].Add(v);
                served++;
                liked += _truth.Engage(u, v, random).Liked ? 1 : 0;
            }
        }

        return served == 0 ? 0 : (double)liked / served;
    }

    private IEnumerable<int> RandomUnseen(HashSet<int> seen, Random random)
    {
        var picked = new HashSet<int>();
        for (var attempts = 0; picked.Count < settings.FeedSize && attempts < 50 * settings.FeedSize; attempts++)
        {
            var v = random.Next(_videoIds.Count);
            if (!seen.Contains(v) && picked.Add(v))
            {
                yield return v;
            }
        }
    }

    private IEnumerable<int> MostLikedUnseen(HashSet<int> seen, int[] likeCounts) =>
        Enumerable.Range(0, _videoIds.Count).Where(v => !seen.Contains(v)).OrderByDescending(v => likeCounts[v]).ThenBy(v => v);

    private int AddVideo(int creator, double? quality)
    {
        var v = _truth.AddVideo(creator, quality);
        var id = $"{settings.RunId}-v{v}";
        _videoIds.Add(id);
        _videoIndex[id] = v;
        _firstServedRound.Add(0);
        _creatorOf.Add(creator);
        return v;
    }

    private async Task RegisterAsync(int from, int to)
    {
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (v, _) =>
        {
            var creator = _creatorOf[v];
            // Half the videos carry their main topic as a tag: a weak content signal for cold start.
            string[] tags = v % 2 == 0 ? [$"topic{_truth.MainTopic(v)}"] : [];
            await platform.RegisterVideoAsync(_videoIds[v], $"{settings.RunId}-c{creator}", tags, DurationMs);
        });
    }

    private string Summary(List<(double Platform, double Random, double Popular)> rates, int newVideoStart)
    {
        var quarter = Math.Max(1, rates.Count / 4);
        var first = rates.Take(quarter).Average(r => r.Platform);
        var last = rates.TakeLast(quarter).Average(r => r.Platform);
        var random = rates.Average(r => r.Random);
        var popular = rates.TakeLast(quarter).Average(r => r.Popular);
        var reached = 0;
        var roundsToAudience = new List<int>();
        if (newVideoStart >= 0)
        {
            for (var v = newVideoStart; v < newVideoStart + settings.NewVideos; v++)
            {
                if (_firstServedRound[v] > 0)
                {
                    reached++;
                    roundsToAudience.Add(_firstServedRound[v] - settings.NewVideosAt + 1);
                }
            }
        }

        var text = new StringBuilder();
        var newVideos = newVideoStart < 0 ? 0 : settings.NewVideos;
        text.Append(CultureInfo.InvariantCulture, $"{{\"users\": {settings.Users}, \"videos\": {_videoIds.Count}, \"rounds\": {rates.Count}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"likeRateFirstQuarter\": {first:F3}, \"likeRateLastQuarter\": {last:F3}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"randomLikeRate\": {random:F3}, \"popularityLikeRateLastQuarter\": {popular:F3}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"newVideos\": {newVideos}, \"newVideosReached\": {reached}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"maxRoundsToFirstImpression\": {(roundsToAudience.Count == 0 ? 0 : roundsToAudience.Max())}, ");
        text.Append(_exposure.SummaryFields()).Append('}');
        return text.ToString();
    }
}
