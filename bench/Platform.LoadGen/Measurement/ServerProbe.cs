using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace Platform.LoadGen.Measurement;

/// <summary>
/// The server process seen from outside: resident memory (VmRSS, VmHWM) from <c>/proc/pid/status</c>
/// and CPU time from <c>/proc/pid/stat</c> (Linux, given the pid), the managed heap after the last GC
/// from the <c>/metrics</c> endpoint (the runtime's <c>System.Runtime</c> meter), and the machine's load average.
/// </summary>
public sealed class ServerProbe(int? pid, HttpClient? http = null)
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

    /// <summary>
    /// The managed heap size after the last garbage collection, summed over generations, from
    /// <c>dotnet_gc_last_collection_heap_size_bytes</c> on <c>/metrics</c>; null when not exported.
    /// </summary>
    public async Task<long?> GcHeapAsync()
    {
        if (http is null)
        {
            return null;
        }

        try
        {
            var text = await http.GetStringAsync("/metrics");
            long total = 0;
            var found = false;
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("dotnet_gc_last_collection_heap_size_bytes", StringComparison.Ordinal))
                {
                    var value = line[(line.LastIndexOf(' ') + 1)..];
                    total += (long)double.Parse(value, CultureInfo.InvariantCulture);
                    found = true;
                }
            }

            return found ? total : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes the server run a full blocking, compacting garbage collection, then returns the managed heap after it
    /// (the live heap: what the process really holds). The collection is induced the way dotnet-gcdump does it: an
    /// EventPipe session on the runtime's diagnostics port with the GC-heap-collect keyword. Null when the server
    /// has no diagnostics port, no <c>/metrics</c>, or the collection did not happen within 10 s.
    /// </summary>
    public async Task<long?> LiveHeapAsync()
    {
        if (!HasServer || http is null || await Gen2CollectionsAsync() is not { } before)
        {
            return null;
        }

        try
        {
            var client = new DiagnosticsClient(pid!.Value);
            using var session = client.StartEventPipeSession(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
                requestRundown: false, circularBufferMB: 4);
            // The session's events are not needed, but its stream must be read or the server blocks on it.
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            long? after = null;
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                if (await Gen2CollectionsAsync() > before)
                {
                    after = await GcHeapAsync();
                    break;
                }
            }

            await session.StopAsync(CancellationToken.None);
            await drain;
            return after;
        }
        catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Starts recording the server's GC pauses (see <see cref="GcPauseRecorder"/>), or null without a server to attach to.</summary>
    public GcPauseRecorder? StartGcPauses() => HasServer ? GcPauseRecorder.TryStart(pid!.Value) : null;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>GC events (keyword 0x1) and the keyword that makes the runtime run a full collection (0x800000).</summary>
    internal const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>The server's number of gen2 collections so far, from <c>/metrics</c>.</summary>
    private async Task<long?> Gen2CollectionsAsync()
    {
        try
        {
            var text = await http!.GetStringAsync("/metrics");
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal) && line.Contains("gen2", StringComparison.Ordinal))
                {
                    return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
