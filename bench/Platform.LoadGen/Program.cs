using Platform.LoadGen;
using Platform.LoadGen.Measurement;
using Platform.LoadGen.Runners;
using Platform.LoadGen.Scenarios;

var options = LoadOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = System.Net.DecompressionMethods.None,
})
{
    BaseAddress = options.Url,
    Timeout = options.Timeout,
};

Console.WriteLine($"loadgen {string.Join(' ', args)}");
Console.WriteLine($"date={DateTime.UtcNow:u} cores={Environment.ProcessorCount} load={ServerProbe.LoadAverage()}");
var data = new Dataset(options);
var server = new ServerProbe(options.ServerPid, http);
switch (options.Mode)
{
    case "seed":
        await new Seeder(options, http, data, server).RunAsync();
        break;
    case "campaigns":
        await new CampaignSeeder(options, http, data).RunAsync();
        break;
    case "experiments":
        await new ExperimentSeeder(options, http).RunAsync();
        break;
    case "freshness":
        await new FreshnessProbe(options, http, data).RunAsync();
        break;
    case "soak":
        return await SoakRun.RunAsync(options, http, data, server);
    case "open":
    {
        var mix = ScenarioMix.Parse(options.Mix, options, data);
        var stats = new RunStatistics(mix.Scenarios, server);
        await new OpenLoopRunner(options, http, mix, stats).RunAsync();
        await stats.PrintReportAsync($"{options.Mode} loop, offered {options.Rate} req/s", options);
        break;
    }

    case "closed":
    {
        var mix = ScenarioMix.Parse(options.Mix, options, data);
        var stats = new RunStatistics(mix.Scenarios, server);
        await new ClosedLoopRunner(options, http, mix, stats).RunAsync();
        await stats.PrintReportAsync($"closed loop, {options.Concurrency} workers", options);
        break;
    }

    default:
        Console.Error.WriteLine($"Unknown mode '{options.Mode}': seed, campaigns, experiments, open, closed, soak, freshness.");
        return 2;
}

return 0;
