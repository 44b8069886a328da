using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Platform.Benchmarks -- --filter '*'
// The generous build timeout keeps the generated runner from timing out on a busy 2-core machine.
BenchmarkSwitcher.FromAssembly(typeof(Platform.Benchmarks.FeedRankerBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
