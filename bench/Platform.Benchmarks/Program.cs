using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Platform.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Platform.Benchmarks.FeedRankerBenchmarks).Assembly).Run(args);
