using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Hardening;

/// <summary>
/// The real silo executable (silo/Program.cs, built next to the tests) as a separate process on free ports: what an
/// operator runs, so signals, exit codes and the process's own memory are the real ones.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Log => string.Join('\n', _log.TakeLast(60));

    /// <summary>Starts a single-node silo and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<SiloProcess> StartAsync(params string[] settings)
    {
        var port = FreePort.Next();
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "Platform.Silo.dll"));
        foreach (var arg in (string[])[
            "--urls", $"http://127.0.0.1:{port}",
            $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--Orleans:ClusterId=proc-{Guid.NewGuid():N}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        var silo = new SiloProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (silo.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {silo.ExitCode} while starting:\n{silo.Log}");
            }

            try
            {
                if ((await silo.Http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await silo.DisposeAsync();
        throw new TimeoutException($"The silo was not ready within 60 s:\n{silo.Log}");
    }

    /// <summary>Sends SIGTERM, as an orchestrator does to stop a pod.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
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
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 400)
        {
            _log.TryDequeue(out _);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
