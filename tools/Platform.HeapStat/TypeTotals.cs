using System.Globalization;

namespace Platform.HeapStat;

/// <summary>Number and total size of the objects of one type.</summary>
internal readonly record struct TypeTotals(long Count, long Bytes)
{
    public static void WriteTsv(string path, Dictionary<string, TypeTotals> totals) =>
        File.WriteAllLines(path, totals.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value.Count}\t{kv.Value.Bytes}\t{kv.Key}")));

    public static Dictionary<string, TypeTotals> ReadTsv(string path)
    {
        var totals = new Dictionary<string, TypeTotals>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t', 3);
            totals[parts[2]] = new TypeTotals(
                long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return totals;
    }
}
