using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// A real silo process (the built silo/Program.cs, co-hosting the API) on free ports, joined to a
/// PostgreSQL-backed cluster. <see cref="Kill"/> is SIGKILL: no deactivation, no goodbye to the
/// membership table; <see cref="StopAsync"/> is SIGTERM: a graceful shutdown.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiloProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a silo and waits until it answers /health/ready.</summary>
    public static async Task<SiloProcess> StartAsync(ClusterSettings cluster, string name)
    {
        var http = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Platform.Silo.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in cluster.SiloSettings(http, FreePort.Next(), FreePort.Next()))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var silo = new SiloProcess(name, Process.Start(start)!, new Uri($"http://127.0.0.1:{http}"));
        try
        {
            await silo.WaitReadyAsync(TimeSpan.FromSeconds(120));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-request, with nothing saved.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM and wait: the silo leaves the cluster gracefully, deactivating its grains.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = kill(_process.Id, SigTerm);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Silo {Name} did not stop within {timeout}.\n{LogTail()}");
        }
    }

    /// <summary>The last lines the silo printed, for failure messages.</summary>
    public string LogTail(int chars = 4000)
    {
        lock (_log)
        {
            var text = _log.ToString();
            return $"--- {Name} ---\n" + (text.Length <= chars ? text : text[^chars..]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with {_process.ExitCode}.\n{LogTail()}");
            }

            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Silo {Name} was not ready within {timeout}.\n{LogTail()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
