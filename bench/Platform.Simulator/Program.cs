using Platform.Simulator;

if (args.Length >= 2 && args[0] == "--write-ratings")
{
    // Offline: a rating log drawn from the hidden truth, for the evaluator (no platform involved).
    RatingLogWriter.Write(args[1], users: 1000, creators: 100, videos: 2000, events: 100_000, seed: 1);
    Console.WriteLine($"wrote {args[1]}");
    return 0;
}

var settings = SimulationSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(SimulationSettings.Usage);
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(settings.Url), Timeout = TimeSpan.FromSeconds(60) };
var simulation = new Simulation(settings, new PlatformClient(http));
var summary = await simulation.RunAsync(Console.Out);
Console.WriteLine(summary);
return 0;
