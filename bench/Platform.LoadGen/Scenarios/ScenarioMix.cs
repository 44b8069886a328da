using System.Globalization;

namespace Platform.LoadGen.Scenarios;

/// <summary>A weighted choice among scenarios, parsed from <c>--mix feed:8,events:1,register:1,hot:1</c>.</summary>
public sealed class ScenarioMix
{
    private readonly IScenario[] _scenarios;
    private readonly double[] _cumulative;

    private ScenarioMix(IScenario[] scenarios, double[] weights)
    {
        _scenarios = scenarios;
        _cumulative = new double[weights.Length];
        var total = weights.Sum();
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] / total;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<IScenario> Scenarios => _scenarios;

    public static ScenarioMix Parse(string mix, LoadOptions options, Dataset data)
    {
        var scenarios = new List<IScenario>();
        var weights = new List<double>();
        foreach (var part in mix.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':');
            var weight = pieces.Length > 1 ? double.Parse(pieces[1], CultureInfo.InvariantCulture) : 1;
            if (weight > 0)
            {
                scenarios.Add(Create(pieces[0].ToLowerInvariant(), options, data));
                weights.Add(weight);
            }
        }

        return scenarios.Count == 0
            ? throw new ArgumentException($"The mix '{mix}' names no scenario.")
            : new ScenarioMix([.. scenarios], [.. weights]);
    }

    public IScenario Next(Random random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (roll < _cumulative[i])
            {
                return _scenarios[i];
            }
        }

        return _scenarios[^1];
    }

    private static IScenario Create(string name, LoadOptions options, Dataset data) => name switch
    {
        "feed" => new FeedScenario(data, options.FeedCount),
        "events" => new EventBatchScenario(data, options.Batch),
        "hot" => new EventBatchScenario(data, options.Batch, options.HotVideos),
        "register" => new RegistrationScenario(data),
        _ => throw new ArgumentException($"Unknown scenario '{name}' (feed, events, hot, register)."),
    };
}
