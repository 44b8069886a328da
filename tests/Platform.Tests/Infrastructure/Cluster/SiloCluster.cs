using System.Text;

namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// A cluster of real silo processes on one database. Tracks which silos serve traffic (as a load
/// balancer would), and kills every process it started on dispose.
/// </summary>
public sealed class SiloCluster(ClusterSettings settings) : IAsyncDisposable
{
    private readonly List<SiloProcess> _all = [];
    private readonly List<SiloProcess> _serving = [];
    private int _started;

    public ClusterSettings Settings => settings;

    /// <summary>The gateways that receive traffic: started, not killed or stopped.</summary>
    public IReadOnlyList<HttpClient> Gateways
    {
        get
        {
            lock (_serving)
            {
                return [.. _serving.Select(s => s.Http)];
            }
        }
    }

    public IReadOnlyList<SiloProcess> Serving
    {
        get
        {
            lock (_serving)
            {
                return [.. _serving];
            }
        }
    }

    /// <summary>Any serving gateway, for reads.</summary>
    public HttpClient Http => Gateways[0];

    public static async Task<SiloCluster> StartAsync(ClusterSettings settings, int silos)
    {
        var cluster = new SiloCluster(settings);
        try
        {
            await cluster.AddSilosAsync(silos);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts silos (in parallel) and puts them behind the "load balancer" once ready.</summary>
    public async Task<SiloProcess[]> AddSilosAsync(int count)
    {
        var starting = Enumerable.Range(0, count)
            .Select(_ => SiloProcess.StartAsync(settings, $"silo-{Interlocked.Increment(ref _started)}"))
            .ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            lock (_serving)
            {
                _all.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }
        }

        var silos = starting.Select(t => t.Result).ToArray();
        lock (_serving)
        {
            _serving.AddRange(silos);
        }

        return silos;
    }

    /// <summary>SIGKILL: the load balancer notices the dead process, the cluster does not know yet.</summary>
    public void Kill(SiloProcess silo)
    {
        Drain(silo);
        silo.Kill();
    }

    /// <summary>Graceful stop: drained from the load balancer first, then SIGTERM.</summary>
    public async Task StopAsync(SiloProcess silo)
    {
        Drain(silo);
        await silo.StopAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Graceful stop as an orchestrator does it without draining first: SIGTERM while the silo still gets traffic; the
    /// load balancer takes it out once it has exited (until then its port refuses connections once it stops listening).
    /// </summary>
    public async Task TerminateAsync(SiloProcess silo)
    {
        await silo.StopAsync(TimeSpan.FromSeconds(60));
        Drain(silo);
    }

    public string Logs()
    {
        var text = new StringBuilder();
        lock (_serving)
        {
            foreach (var silo in _all)
            {
                text.AppendLine(silo.LogTail(1500));
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        SiloProcess[] all;
        lock (_serving)
        {
            all = [.. _all];
            _serving.Clear();
        }

        foreach (var silo in all)
        {
            await silo.DisposeAsync();
        }
    }

    private void Drain(SiloProcess silo)
    {
        lock (_serving)
        {
            _serving.Remove(silo);
        }
    }
}
