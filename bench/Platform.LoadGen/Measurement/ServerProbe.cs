using System.Globalization;

namespace Platform.LoadGen.Measurement;

/// <summary>
/// The server process seen from outside: resident memory (VmRSS, VmHWM) from <c>/proc/pid/status</c>
/// and CPU time from <c>/proc/pid/stat</c>, plus the machine's load average. Linux only; without a pid
/// it reports only the load average.
/// </summary>
public sealed class ServerProbe(int? pid)
{
    // USER_HZ is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public bool HasServer => pid is not null && File.Exists($"/proc/{pid}/status");

    /// <summary>Resident and peak resident memory in bytes, or null when there is no server to read.</summary>
    public (long Rss, long Peak)? Memory()
    {
        if (!HasServer)
        {
            return null;
        }

        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    /// <summary>User plus system CPU seconds the server has used so far, or null.</summary>
    public double? CpuSeconds()
    {
        if (!HasServer)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
