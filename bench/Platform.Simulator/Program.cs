using System.Globalization;
using Platform.Simulator;

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
