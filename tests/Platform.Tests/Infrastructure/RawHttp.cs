using System.Net.Sockets;
using System.Text;

namespace Platform.Tests.Infrastructure;

/// <summary>Sends bytes no well-behaved HTTP client would send, and reads the status line that comes back.</summary>
public static class RawHttp
{
    /// <summary>
    /// Writes <paramref name="request"/> on a fresh connection and returns the response's status code, or null when
    /// the server closed the connection without answering, or 0 when it answered in another protocol (an HTTP/2
    /// frame to an HTTP/2 preface). Throws <see cref="TimeoutException"/> when nothing
    /// happens within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<int?> SendAsync(Uri server, byte[] request, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, cts.Token);
            var stream = client.GetStream();
            try
            {
                await stream.WriteAsync(request, cts.Token);
            }
            catch (IOException)
            {
                // The server may answer and close before it has read everything; read what it said.
            }

            var buffer = new byte[4096];
            var received = new StringBuilder();
            while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                int n;
                try
                {
                    n = await stream.ReadAsync(buffer, cts.Token);
                }
                catch (IOException)
                {
                    n = 0;
                }

                if (n == 0)
                {
                    break;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            var text = received.ToString();
            if (text.Length == 0)
            {
                return null;
            }

            if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                return 0;
            }

            var parts = text.Split(' ', 3);
            return parts.Length >= 2 && int.TryParse(parts[1], out var status) ? status : throw new InvalidDataException($"Not an HTTP response: {text[..Math.Min(80, text.Length)]}");
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {timeout}.");
        }
    }
}
