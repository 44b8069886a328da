using System.Diagnostics;
using HdrHistogram;
using Platform.GrainInterfaces;
using Platform.Grains.Catalog;
using Platform.Grains.Recommendation;

// dotnet run -c Release --project bench/Platform.FingerprintBench -- [fingerprints=1000000] [queries=100000] [shards=1]
// Builds the FingerprintIndex of each catalog shard (videos placed by IdHash.Shard, as the platform places them) over
// N random fingerprints, then looks up queries at distance 6: half near copies of an indexed fingerprint (0..6 bits
// flipped), half random. A lookup asks every shard and keeps the nearest, as a registration does (the platform asks
// the shards in parallel: "slowest shard" is that wait without the calls, "all shards" the work summed). Reports the
// indexes' managed memory, lookup latency percentiles, and a brute-force scan of the same codes on a sample, whose
// answers must equal the index's (exit code 1 otherwise).
var count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var queries = args.Length > 1 ? int.Parse(args[1]) : 100_000;
var shards = args.Length > 2 ? int.Parse(args[2]) : 1;
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
var indexes = new FingerprintIndex[shards];
for (var s = 0; s < shards; s++)
{
    indexes[s] = new FingerprintIndex();
}

for (var i = 0; i < count; i++)
{
    indexes[IdHash.Shard(ids[i], shards)].Upsert(ids[i], $"c-{i % 10_000}", codes[i]);
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

var slowest = new LongHistogram(Stopwatch.Frequency, 3);
var summed = new LongHistogram(Stopwatch.Frequency, 3);
FingerprintMatch? Lookup(ulong probe, bool record)
{
    FingerprintMatch? best = null;
    long slowestTicks = 0, allTicks = 0;
    foreach (var index in indexes)
    {
        var start = Stopwatch.GetTimestamp();
        var match = index.FindNearest(probe, 6, "c-none");
        var ticks = Stopwatch.GetTimestamp() - start;
        slowestTicks = Math.Max(slowestTicks, ticks);
        allTicks += ticks;
        if (match is not null && (best is null || match.Distance < best.Distance
            || (match.Distance == best.Distance && string.CompareOrdinal(match.VideoId, best.VideoId) < 0)))
        {
            best = match;
        }
    }

    if (record)
    {
        slowest.RecordValue(slowestTicks);
        summed.RecordValue(allTicks);
    }

    return best;
}

// Warm up, then time each lookup on its own.
for (var q = 0; q < Math.Min(queries, 5_000); q++)
{
    Lookup(probes[q], record: false);
}

var answers = new string?[queries];
var total = Stopwatch.StartNew();
for (var q = 0; q < queries; q++)
{
    answers[q] = Lookup(probes[q], record: true)?.VideoId;
}

total.Stop();
double Micros(LongHistogram histogram, double percentile) => histogram.GetValueAtPercentile(percentile) * 1e6 / Stopwatch.Frequency;

// The same lookups by scanning every code (what the index avoids), on a sample: the nearest within 6 (ties: smallest id).
var scanQueries = Math.Min(queries, 200);
var scan = Stopwatch.StartNew();
var mismatches = 0;
var scanHits = 0;
for (var q = 0; q < scanQueries; q++)
{
    string? nearest = null;
    var nearestDistance = int.MaxValue;
    for (var i = 0; i < count; i++)
    {
        var distance = MultiIndexHash.Distance(codes[i], probes[q]);
        if (distance <= 6 && (distance < nearestDistance || (distance == nearestDistance && string.CompareOrdinal(ids[i], nearest) < 0)))
        {
            (nearest, nearestDistance) = (ids[i], distance);
        }
    }

    scanHits += nearest is null ? 0 : 1;
    mismatches += nearest == answers[q] ? 0 : 1;
}

scan.Stop();
var scanMicros = scan.Elapsed.TotalMicroseconds / scanQueries;
var hits = answers.Count(a => a is not null);
Console.WriteLine($"fingerprints {count:N0} in {shards} shard(s), queries {queries:N0} (half near copies), hits {hits:N0}");
Console.WriteLine($"index memory {bytes / 1048576.0:F1} MiB ({(double)bytes / count:F0} B per fingerprint, video ids included)");
Console.WriteLine($"lookup, slowest shard: p50 {Micros(slowest, 50):F1} us, p99 {Micros(slowest, 99):F1} us, p99.9 {Micros(slowest, 99.9):F1} us, max {Micros(slowest, 100):F1} us");
Console.WriteLine($"lookup, all shards:    p50 {Micros(summed, 50):F1} us, p99 {Micros(summed, 99):F1} us, p99.9 {Micros(summed, 99.9):F1} us, mean {total.Elapsed.TotalMicroseconds / queries:F1} us");
Console.WriteLine($"brute-force scan {scanMicros:F0} us per lookup ({scanMicros / (total.Elapsed.TotalMicroseconds / queries):F0}x the index's mean); "
    + $"{scanQueries} scanned, {scanHits} hits, {mismatches} answers differ from the index");
GC.KeepAlive(indexes);
return mismatches == 0 ? 0 : 1;
