using Platform.DurableIngestBench;

// Durable ingest throughput through the public API: POST /v1/events against running gateways
// (deploy/local/start-cluster.sh), optionally SIGKILLing a silo mid-run. Prints events/s, latency
// percentiles and the failed-request count.
var options = BenchOptions.Parse(args);
var report = await new IngestBench(options).RunAsync();
Console.WriteLine(report);
