using Platform.TipBench;

// Tip throughput through the public API: credits every user, then POST /v1/tips from many clients
// for a while against running gateways (a single-node silo, or deploy/local/start-cluster.sh).
// Prints tips/s, latency percentiles, 402s and retried attempts, and checks the ledger balances.
var options = TipBenchOptions.Parse(args);
Console.WriteLine(await new TipBench(options).RunAsync());
