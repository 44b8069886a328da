using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Lifecycle;

/// <summary>SIGTERM on a silo process: requests already in flight finish and are acknowledged, then the process exits cleanly in time.</summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermDrainsInFlightRequestsAndExitsWithin30Seconds()
    {
        await using var silo = await SiloProcess.StartAsync();
        var (video, creator) = (NewId("v"), NewId("c"));
        Assert.Equal(HttpStatusCode.Created, (await silo.Http.RegisterVideoAsync(video, creator)).StatusCode);

        // A batch of events whose upload is still under way when the signal comes: the request is in flight for sure.
        var users = Enumerable.Range(0, 50).Select(_ => NewId("u")).ToArray();
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["events"] = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject
            {
                ["eventId"] = NewId("e"), ["userId"] = u, ["videoId"] = video, ["type"] = "view", ["watchMs"] = 1000,
            })]),
        }.ToJsonString());
        using var client = new TcpClient();
        await client.ConnectAsync(silo.Address.Host, silo.Address.Port);
        var stream = client.GetStream();
        var half = body.Length / 2;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /v1/events HTTP/1.1\r\nHost: {silo.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body.AsMemory(0, half));
        await Task.Delay(300);

        var watch = Stopwatch.StartNew();
        silo.Terminate();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(silo.HasExited, "the silo exited with a request in flight");
        await stream.WriteAsync(body.AsMemory(half));

        var response = await ReadResponseAsync(stream, TimeSpan.FromSeconds(30));
        output.WriteLine(response);
        Assert.StartsWith("HTTP/1.1 202", response, StringComparison.Ordinal);
        Assert.Contains($"\"accepted\":{users.Length}", response, StringComparison.Ordinal);

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(30) - watch.Elapsed), $"still running 30 s after SIGTERM:\n{silo.Log}");
        output.WriteLine($"exited {silo.ExitCode} {watch.Elapsed.TotalSeconds:F1} s after SIGTERM");
        Assert.True(silo.ExitCode == 0, $"exit code {silo.ExitCode}:\n{silo.Log}");
    }

    /// <summary>Reads until the server closes the connection (the request asked for <c>Connection: close</c>).</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            text.Append($"\n(read ended: {e.GetType().Name})");
        }

        return text.ToString();
    }
}
