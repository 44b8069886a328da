using System.Net;
using System.Net.Sockets;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Finds TCP ports nobody listens on, for silos, gateways and PostgreSQL started by tests. They come from below the
/// kernel's ephemeral range (32768-60999 by default): a port the kernel picks for <c>bind(0)</c> may be handed out
/// again as the source port of an outgoing connection before the process it was meant for binds it (a restarted silo
/// once failed with "address already in use"). A port is handed out once per test run.
/// </summary>
public static class FreePort
{
    private const int First = 20_000, Last = 32_000;
    private static readonly HashSet<int> Given = [];
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        lock (Given)
        {
            for (var tried = 0; tried < Last - First; tried++)
            {
                var port = _next;
                _next = _next + 1 < Last ? _next + 1 : First;
                if (Given.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                Given.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"No free TCP port between {First} and {Last}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
