using System.Runtime.InteropServices;
using Platform.SearchBench;

// Discovery at catalog scale (docs/benchmarks.md, "Search"): the shards' indexes in process (--mode index), or a
// running platform through HTTP (--mode http --url ...). Prints its figures.
var options = BenchOptions.Parse(args);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; mode {options.Mode}");
if (options.Mode == "index")
{
    IndexBench.Run(options);
}
else
{
    await HttpBench.RunAsync(options);
}
