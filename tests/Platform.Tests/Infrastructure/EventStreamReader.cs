using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A client of a <c>text/event-stream</c> endpoint, as a browser's EventSource sees it: events with
/// their name and data, and comment lines, each stamped with the time it arrived.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>();
    private readonly Task _reading;

    private EventStreamReader(HttpClient http, HttpResponseMessage response)
    {
        _http = http;
        Response = response;
        _reading = ReadAsync();
    }

    public HttpResponseMessage Response { get; }

    /// <summary>Opens <paramref name="path"/> on its own connection and starts reading it.</summary>
    public static async Task<EventStreamReader> OpenAsync(Uri baseAddress, string path)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var headersTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
        return new EventStreamReader(http, response);
    }

    /// <summary>The next event or comment; fails the test when none comes within <paramref name="timeout"/>.</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _events.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No event arrived within {timeout}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The stream ended.");
        }
    }

    /// <summary>The next <c>stats</c> event's data, skipping comments.</summary>
    public async Task<(JsonObject Stats, long ArrivedAt)> NextStatsAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var remaining = TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
            var next = await NextAsync(remaining);
            if (next.Event == "stats")
            {
                return (JsonNode.Parse(next.Data)!.AsObject(), next.ArrivedAt);
            }
        }
    }

    /// <summary>Reads <c>stats</c> events until one satisfies <paramref name="done"/>; returns it and how many were read.</summary>
    public async Task<(JsonObject Stats, long ArrivedAt, int Count)> WaitForStatsAsync(Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var count = 0;
        while (true)
        {
            var remaining = TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
            var (stats, arrivedAt) = await NextStatsAsync(remaining);
            count++;
            if (done(stats))
            {
                return (stats, arrivedAt, count);
            }
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await Response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body, Encoding.UTF8);
            string? name = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        _events.Writer.TryWrite(new ServerSentEvent(name ?? "message", data.ToString(), Stopwatch.GetTimestamp()));
                    }

                    name = null;
                    data.Clear();
                }
                else if (line[0] == ':')
                {
                    _events.Writer.TryWrite(new ServerSentEvent(ServerSentEvent.Comment, line[1..].Trim(), Stopwatch.GetTimestamp()));
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(data.Length > 0 ? "\n" : "").Append(line["data:".Length..].TrimStart());
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    /// <summary>Closes the connection, as a browser closing the tab does.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Response.Dispose();
        _http.Dispose();
        await _reading;
        _stop.Dispose();
    }
}

/// <summary>One event of a stream, or a comment line (<see cref="Comment"/>), with its arrival time (Stopwatch ticks).</summary>
public sealed record ServerSentEvent(string Event, string Data, long ArrivedAt)
{
    public const string Comment = ":comment";
}
