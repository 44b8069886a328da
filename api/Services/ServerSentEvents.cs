using System.Text;

namespace Platform.Api.Services;

/// <summary>The pieces of the <c>text/event-stream</c> format the live stream writes.</summary>
internal static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    /// <summary>A comment line: ignored by browsers, it keeps proxies and idle timers from closing the stream.</summary>
    public static readonly ReadOnlyMemory<byte> KeepAliveFrame = ": keep-alive\n\n"u8.ToArray();

    public static ReadOnlySpan<byte> StatsEventPrefix => "event: stats\ndata: "u8;

    public static ReadOnlySpan<byte> EventEnd => "\n\n"u8;

    public static ReadOnlySpan<byte> ContentEventPrefix => "event: content\ndata: "u8;

    /// <summary>The <c>retry</c> field: how long a browser waits before reconnecting a dropped stream.</summary>
    public static ReadOnlyMemory<byte> Retry(TimeSpan delay) =>
        Encoding.UTF8.GetBytes($"retry: {(long)delay.TotalMilliseconds}\n\n");
}
