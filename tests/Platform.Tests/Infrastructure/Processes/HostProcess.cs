using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A built host of this repository (the silo or the stand-alone gateway) as its own OS process: what an operator
/// runs, so signals, exit codes and the process's memory are the real ones. Keeps the process's last lines for failure
/// messages. <see cref="Kill"/> is SIGKILL (nothing saved, no goodbye to the cluster); <see cref="Terminate"/> and
/// <see cref="StopAsync"/> are SIGTERM (a graceful shutdown). Disposing kills what is still running.
/// <see cref="SiloProcess"/> and <see cref="GatewayProcess"/> say only which program to start with which settings.
/// </summary>
public abstract class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int KeptLines = 2_000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    protected HostProcess(string name, string assembly, IEnumerable<string> arguments, Uri address, IReadOnlyDictionary<string, string>? environment = null)
    {
        Name = name;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>The HTTP address the process listens on.</summary>
    public Uri Address { get; }

    /// <summary>A client for <see cref="Address"/>.</summary>
    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last 60 lines the process wrote.</summary>
    public string Log => string.Join('\n', _log.TakeLast(60));

    /// <summary>Everything the process wrote that is still kept (the last 2,000 lines).</summary>
    public string Output => string.Join('\n', _log);

    /// <summary>The last <paramref name="chars"/> characters the process wrote, headed by its name.</summary>
    public string LogTail(int chars = 4000)
    {
        var text = Output;
        return $"--- {Name} ---\n" + (text.Length <= chars ? text : text[^chars..]);
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

    /// <summary>Sends SIGTERM, as an orchestrator does to stop a pod, and returns at once.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>SIGTERM and wait: a silo leaves the cluster gracefully, deactivating its grains.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        Terminate();
        if (!await WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"{Name} did not stop within {timeout}.\n{LogTail()}");
        }
    }

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns <paramref name="host"/> once it answers <c>/health/ready</c>; disposes it and throws if it exits or times out.</summary>
    protected static async Task<T> ReadyAsync<T>(T host, TimeSpan timeout)
        where T : HostProcess
    {
        try
        {
            await Poll.UntilAsync(host.IsReadyAsync, $"{host.Name} answers /health/ready", timeout, TimeSpan.FromMilliseconds(200));
            return host;
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"{host.Name} was not ready within {timeout.TotalSeconds:0} s:\n{host.LogTail()}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A build output of this repository beside the tests' own (same configuration and framework).</summary>
    protected static string BuiltAssembly(string project, string assembly)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.TestProject, AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryPaths.Root, project, relative, assembly);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{project} is not built at {path}; the test project builds it through its project reference.", path);
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            _process.WaitForExit(); // the rest of its output, so the message holds the reason it gave
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{LogTail(12_000)}");
        }

        try
        {
            using var response = await Http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > KeptLines)
        {
            _log.TryDequeue(out _);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
