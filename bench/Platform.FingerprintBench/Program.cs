using System.Diagnostics;
using HdrHistogram;
using Platform.Grains.Catalog;

// dotnet run -c Release --project bench/Platform.FingerprintBench -- [fingerprints=1000000] [queries=100000]
// Builds one FingerprintIndex (what a catalog shard holds) of N random fingerprints, then looks up queries at
// distance 6: half near copies of an indexed fingerprint (0..6 bits flipped), half random. Reports the index's
// managed memory, lookup latency percentiles, and a brute-force scan of the same codes for a ratio in one run.
var count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var queries = args.Length > 1 ? int.Parse(args[1]) : 100_000;
var random = new Random(1616);
var codes = new ulong[count];
for (var i = 0; i < count; i++)
{
    codes[i] = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
}

var ids = new string[count];
for (var i = 0; i < count; i++)
{
    ids[i] = $"v-{i:D9}";
}

GC.Collect(2, GCCollectionMode.Forced, true, true);
var before = GC.GetTotalMemory(true);
var index = new FingerprintIndex();
for (var i = 0; i < count; i++)
{
    index.Upsert(ids[i], $"c-{i % 10_000}", codes[i]);
}

GC.Collect(2, GCCollectionMode.Forced, true, true);
var bytes = GC.GetTotalMemory(true) - before;

var probes = new ulong[queries];
for (var q = 0; q < queries; q++)
{
    var code = q % 2 == 0 ? codes[random.Next(count)] : (ulong)random.NextInt64(long.MinValue, long.MaxValue);
    for (var b = random.Next(0, 7); b > 0 && q % 2 == 0; b--)
    {
        code ^= 1UL << random.Next(64);
    }

    probes[q] = code;
}

// Warm up, then time each lookup on its own.
for (var q = 0; q < Math.Min(queries, 5_000); q++)
{
    index.FindNearest(probes[q], 6, "c-none");
}

var histogram = new LongHistogram(Stopwatch.Frequency, 3);
var hits = 0;
var total = Stopwatch.StartNew();
for (var q = 0; q < queries; q++)
{
    var start = Stopwatch.GetTimestamp();
    var match = index.FindNearest(probes[q], 6, "c-none");
    histogram.RecordValue(Stopwatch.GetTimestamp() - start);
    hits += match is null ? 0 : 1;
}

total.Stop();
double Micros(double percentile) => histogram.GetValueAtPercentile(percentile) * 1e6 / Stopwatch.Frequency;

// The same lookups by scanning every code (what the index avoids), on a sample.
var scanQueries = Math.Min(queries, 200);
var scan = Stopwatch.StartNew();
var scanHits = 0;
for (var q = 0; q < scanQueries; q++)
{
    var found = false;
    foreach (var code in codes)
    {
        if (MultiIndexHash.Distance(code, probes[q]) <= 6)
        {
            found = true;
        }
    }

    scanHits += found ? 1 : 0;
}

scan.Stop();
var scanMicros = scan.Elapsed.TotalMicroseconds / scanQueries;
Console.WriteLine($"fingerprints {count:N0}, queries {queries:N0} (half near copies), hits {hits:N0}");
Console.WriteLine($"index memory {bytes / 1048576.0:F1} MiB ({(double)bytes / count:F0} B per fingerprint, video ids included)");
Console.WriteLine($"lookup p50 {Micros(50):F1} us, p99 {Micros(99):F1} us, p99.9 {Micros(99.9):F1} us, max {Micros(100):F1} us, mean {total.Elapsed.TotalMicroseconds / queries:F1} us");
Console.WriteLine($"brute-force scan {scanMicros:F0} us per lookup ({scanMicros / (total.Elapsed.TotalMicroseconds / queries):F0}x the index's mean)");
GC.KeepAlive(index);
