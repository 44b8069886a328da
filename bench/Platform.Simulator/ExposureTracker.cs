using System.Globalization;
using System.Text;

namespace Platform.Simulator;

/// <summary>
/// Cold start and the cost of exploration, measured from what the platform served: impressions of each
/// tracked upload per round since it arrived (a burst from one creator, the good new videos), and likes per
/// impression by feed source, so the like rate of exploration can be set against the rest of the feed.
/// </summary>
public sealed class ExposureTracker
{
    private static readonly string[] ExplorationSources = ["explore", "fresh"];

    private readonly Dictionary<string, List<int>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _arrival = [];
    private readonly Dictionary<int, int[]> _impressions = [];
    private readonly Dictionary<string, (long Served, long Liked)> _bySource = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _rounds;

    public ExposureTracker(int rounds) => _rounds = rounds;

    /// <summary>Starts following a video that arrives at <paramref name="round"/> as part of <paramref name="group"/>.</summary>
    public void Track(string group, int video, int round)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(group, out var list))
            {
                _groups[group] = list = [];
            }

            list.Add(video);
            _arrival[video] = round;
            _impressions[video] = new int[_rounds + 1];
        }
    }

    /// <summary>Records one served item and whether the simulated user liked it.</summary>
    public void Served(int video, string source, int round, bool liked)
    {
        lock (_lock)
        {
            if (_impressions.TryGetValue(video, out var perRound))
            {
                perRound[round]++;
            }

            var (served, likes) = _bySource.GetValueOrDefault(source);
            _bySource[source] = (served + 1, likes + (liked ? 1 : 0));
        }
    }

    /// <summary>Per group and round since arrival: uploads reached so far, and min / median / max cumulative impressions.</summary>
    public void WriteReport(TextWriter output, int users, int feedSize)
    {
        foreach (var (group, videos) in _groups)
        {
            output.WriteLine($"impressions of the {videos.Count} '{group}' uploads ({users} feeds of {feedSize} a round):");
            output.WriteLine("round since upload\tfeeds since upload\treached\tmin\tmedian\tmax");
            var start = videos.Min(v => _arrival[v]);
            for (var r = start; r <= _rounds; r++)
            {
                var cumulative = videos.Select(v => _impressions[v].Skip(_arrival[v]).Take(r - _arrival[v] + 1).Sum()).Order().ToArray();
                var reached = cumulative.Count(c => c > 0);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r - start + 1}\t{(r - start + 1) * users}\t{reached}/{videos.Count}\t{cumulative[0]}\t{cumulative[cumulative.Length / 2]}\t{cumulative[^1]}"));
            }
        }

        output.WriteLine("likes per impression by source over the run:");
        foreach (var (source, (served, liked)) in _bySource.OrderByDescending(p => p.Value.Served))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}\t{served}\t{(served == 0 ? 0 : (double)liked / served):F3}"));
        }
    }

    /// <summary>The summary fields: burst uploads reached, the exploration like rate against the rest, and the cost of exploration.</summary>
    public string SummaryFields()
    {
        long exploreServed = 0, exploreLiked = 0, otherServed = 0, otherLiked = 0;
        foreach (var (source, (served, liked)) in _bySource)
        {
            if (ExplorationSources.Contains(source))
            {
                exploreServed += served;
                exploreLiked += liked;
            }
            else
            {
                otherServed += served;
                otherLiked += liked;
            }
        }

        var exploreRate = exploreServed == 0 ? 0 : (double)exploreLiked / exploreServed;
        var otherRate = otherServed == 0 ? 0 : (double)otherLiked / otherServed;
        var overall = exploreServed + otherServed == 0 ? 0 : (double)(exploreLiked + otherLiked) / (exploreServed + otherServed);
        var text = new StringBuilder();
        foreach (var (group, videos) in _groups)
        {
            var reached = videos.Count(v => _impressions[v].Sum() > 0);
            var within3 = videos.Count(v => _impressions[v].Skip(_arrival[v]).Take(3).Sum() > 0);
            text.Append(CultureInfo.InvariantCulture, $"\"{group}Reached\": {reached}, \"{group}ReachedWithin3Rounds\": {within3}, ");
            text.Append(CultureInfo.InvariantCulture, $"\"{group}MinImpressions\": {videos.Min(v => _impressions[v].Sum())}, ");
        }

        text.Append(CultureInfo.InvariantCulture, $"\"explorationShare\": {(exploreServed + otherServed == 0 ? 0 : (double)exploreServed / (exploreServed + otherServed)):F3}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"explorationLikeRate\": {exploreRate:F3}, \"otherLikeRate\": {otherRate:F3}, \"overallLikeRate\": {overall:F3}, ");
        text.Append(CultureInfo.InvariantCulture, $"\"explorationCost\": {(otherRate == 0 ? 0 : 1 - overall / otherRate):F3}");
        return text.ToString();
    }
}
