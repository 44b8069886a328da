using System.Globalization;
using Microsoft.Diagnostics.Runtime;

namespace Platform.HeapStat;

/// <summary>Command line of the heap statistics tool: one dump's per-type totals, or the diff of two.</summary>
internal static class HeapStatCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Platform.HeapStat <dump> [--top N] [--all] [--tsv out.tsv] | --diff <a.tsv> <b.tsv> [--top N]");
            return 2;
        }

        var top = 40;
        var topIndex = Array.IndexOf(args, "--top");
        if (topIndex >= 0 && topIndex + 1 < args.Length)
        {
            top = int.Parse(args[topIndex + 1], CultureInfo.InvariantCulture);
        }

        if (args[0] == "--diff" && args.Length >= 3)
        {
            PrintDiff(TypeTotals.ReadTsv(args[1]), TypeTotals.ReadTsv(args[2]), top);
            return 0;
        }

        var liveOnly = Array.IndexOf(args, "--all") < 0;
        var totals = Collect(args[0], liveOnly);
        var tsvIndex = Array.IndexOf(args, "--tsv");
        if (tsvIndex >= 0 && tsvIndex + 1 < args.Length)
        {
            TypeTotals.WriteTsv(args[tsvIndex + 1], totals);
        }

        Console.WriteLine($"{(liveOnly ? "live" : "all")} objects: {totals.Values.Sum(t => t.Count):N0}, {totals.Values.Sum(t => t.Bytes) / 1048576.0:N1} MiB");
        Console.WriteLine($"{"count",12} {"MiB",10}  type");
        foreach (var (name, total) in totals.OrderByDescending(kv => kv.Value.Bytes).Take(top))
        {
            Console.WriteLine($"{total.Count,12:N0} {total.Bytes / 1048576.0,10:N2}  {name}");
        }

        return 0;
    }

    private static Dictionary<string, TypeTotals> Collect(string dumpPath, bool liveOnly)
    {
        using var target = DataTarget.LoadDump(dumpPath);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var heap = runtime.Heap;
        var live = liveOnly ? LiveObjects.Mark(heap) : null;
        var totals = new Dictionary<string, TypeTotals>(StringComparer.Ordinal);
        foreach (var obj in heap.EnumerateObjects())
        {
            if (!obj.IsValid || obj.IsFree || (live is not null && !live.Contains(obj.Address)))
            {
                continue;
            }

            var name = obj.Type?.Name ?? "<unknown>";
            totals.TryGetValue(name, out var total);
            totals[name] = new TypeTotals(total.Count + 1, total.Bytes + (long)obj.Size);
        }

        return totals;
    }

    private static void PrintDiff(Dictionary<string, TypeTotals> before, Dictionary<string, TypeTotals> after, int top)
    {
        var rows = after.Keys.Union(before.Keys)
            .Select(name =>
            {
                before.TryGetValue(name, out var b);
                after.TryGetValue(name, out var a);
                return (name, countDelta: a.Count - b.Count, bytesDelta: a.Bytes - b.Bytes, a);
            })
            .OrderByDescending(r => r.bytesDelta)
            .Take(top);
        Console.WriteLine($"before {before.Values.Sum(t => t.Bytes) / 1048576.0:N1} MiB, after {after.Values.Sum(t => t.Bytes) / 1048576.0:N1} MiB");
        Console.WriteLine($"{"+count",12} {"+MiB",10} {"count",12} {"MiB",10}  type");
        foreach (var (name, countDelta, bytesDelta, a) in rows)
        {
            Console.WriteLine($"{countDelta,12:N0} {bytesDelta / 1048576.0,10:N2} {a.Count,12:N0} {a.Bytes / 1048576.0,10:N2}  {name}");
        }
    }
}
