using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Platform.LoadGen.Measurement;

/// <summary>
/// The server's garbage-collection pauses while the load runs, from the runtime's own GC events (an EventPipe session
/// on the server's diagnostics port, keyword GC, read as they arrive with TraceEvent): each pause from the suspension
/// of the managed threads to their restart, its generation, and how long heap 0 spent marking from older generations
/// (the card table: old objects that point at young ones), the part of a young collection that grows with the old heap.
/// A client-side percentile cannot tell a pause from queueing; this can.
/// </summary>
public sealed class GcPauseRecorder : IAsyncDisposable
{
    /// <summary>GCMarkWithType's root kind for references from older generations.</summary>
    private const int MarkOlder = 3;

    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private readonly Lock _lock = new();
    private readonly List<Pause> _pauses = [];
    private double _suspendedAt = -1;
    private double _startedAt;
    private double _markStartedAt;
    private double _markOlderMs;
    private int _generation;

    private GcPauseRecorder(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        _source.Clr.GCStart += OnStart;
        _source.Clr.GCMarkWithType += OnMark;
        _source.Clr.GCRestartEEStop += OnRestart;
        _processing = Task.Run(() => _source.Process());
    }

    /// <summary>Starts recording the pauses of process <paramref name="pid"/>, or returns null when it has no diagnostics port.</summary>
    public static GcPauseRecorder? TryStart(int pid)
    {
        try
        {
            var session = new DiagnosticsClient(pid).StartEventPipeSession(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, ServerProbe.GcKeyword)],
                requestRundown: false, circularBufferMB: 16);
            return new GcPauseRecorder(session);
        }
        catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Forgets the pauses so far (the warm-up's).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _pauses.Clear();
        }
    }

    /// <summary>One line: how many pauses, their sum as a share of <paramref name="seconds"/>, p50 and max, and the share spent marking from older generations.</summary>
    public string Summary(double seconds)
    {
        Pause[] pauses;
        lock (_lock)
        {
            pauses = [.. _pauses];
        }

        if (pauses.Length == 0)
        {
            return "server gc: no pause";
        }

        var lengths = pauses.Select(p => p.Ms).Order().ToArray();
        var total = lengths.Sum();
        var young = pauses.Where(p => p.Generation < 2).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"server gc: {pauses.Length} pauses ({pauses.Count(p => p.Generation == 0)} gen0, {pauses.Count(p => p.Generation == 1)} gen1, {pauses.Count(p => p.Generation == 2)} gen2), " +
            $"{total:F0} ms paused ({total / 10 / seconds:F1}% of the run), pause p50 {lengths[lengths.Length / 2]:F1} max {lengths[^1]:F1} ms; " +
            $"young collections spent {(young.Length == 0 ? 0 : young.Sum(p => p.MarkOlderMs) / young.Sum(p => p.Ms) * 100):F0}% marking from older generations");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
            await _processing.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or IOException or TimeoutException)
        {
            // The server went away first: nothing left to read.
        }

        _session.Dispose();
    }

    private void OnStart(GCStartTraceData e)
    {
        _startedAt = _markStartedAt = e.TimeStampRelativeMSec;
        _generation = e.Depth;
        _markOlderMs = 0;
    }

    private void OnMark(GCMarkWithTypeTraceData e)
    {
        // Each root kind's event ends its marking; heap 0's sequence stands for every heap (they mark in parallel).
        if (e.HeapNum != 0)
        {
            return;
        }

        if (e.Type == MarkOlder)
        {
            _markOlderMs += e.TimeStampRelativeMSec - _markStartedAt;
        }

        _markStartedAt = e.TimeStampRelativeMSec;
    }

    private void OnRestart(GCNoUserDataTraceData e)
    {
        if (_suspendedAt < 0 || _startedAt < _suspendedAt)
        {
            return;
        }

        lock (_lock)
        {
            _pauses.Add(new Pause(e.TimeStampRelativeMSec - _suspendedAt, _generation, _markOlderMs));
        }

        _suspendedAt = -1;
    }

    private readonly record struct Pause(double Ms, int Generation, double MarkOlderMs);
}
