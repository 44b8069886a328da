using Platform.Simulator;

if (args.Length >= 2 && args[0] == "--write-ratings")
{
    // Offline: a rating log drawn from the hidden truth, for the evaluator (no platform involved).
    RatingLogWriter.Write(args[1], users: 1000, creators: 100, videos: 2000, events: 100_000, seed: 1);
    Console.WriteLine($"wrote {args[1]}");
    return 0;
}

// --experiment ranker|aa --admin-key KEY: run an A/B experiment on the simulated traffic (ExperimentRun).
var experimentMode = Option("--experiment");
var adminKey = Option("--admin-key");
var settings = SimulationSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(SimulationSettings.Usage);
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(settings.Url), Timeout = TimeSpan.FromSeconds(60) };
ExperimentRun? experiment = null;
if (experimentMode is not null)
{
    experiment = new ExperimentRun(http, adminKey ?? "", experimentMode, settings.RunId);
    await experiment.StartAsync();
}

var simulation = new Simulation(settings, new PlatformClient(http))
{
    AfterRound = experiment is null ? null : round => experiment.RoundAsync(round, Console.Out),
};
var summary = await simulation.RunAsync(Console.Out);
Console.WriteLine(summary);
if (experiment is not null)
{
    Console.WriteLine(experiment.Summary());
}

return 0;

// Takes "--name value" out of args (SimulationSettings knows only its own flags).
string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    if (i < 0 || i + 1 >= args.Length)
    {
        return null;
    }

    var value = args[i + 1];
    args = [.. args[..i], .. args[(i + 2)..]];
    return value;
}
