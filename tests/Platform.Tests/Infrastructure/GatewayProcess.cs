using System.Diagnostics;
using System.Text;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The stand-alone gateway (client-api) as its own OS process, connected to a silo's client port:
/// what production runs in front of a cluster. Its output is kept for failure messages.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private GatewayProcess(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts client-api against the silo cluster <paramref name="clusterId"/> at <paramref name="gatewayPort"/> and waits until it is ready.</summary>
    public static async Task<GatewayProcess> StartAsync(string clusterId, int gatewayPort, IDictionary<string, string>? settings = null)
    {
        var dll = LocateClientApi();
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls={address.GetLeftPart(UriPartial.Authority)}");
        start.ArgumentList.Add($"--Orleans:ClusterId={clusterId}");
        start.ArgumentList.Add($"--Orleans:GatewayPort={gatewayPort}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var gateway = new GatewayProcess(process, output, address);
        try
        {
            await gateway.WaitUntilReadyAsync();
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"client-api exited with {_process.ExitCode}:\n{Output}");
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
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"client-api was not ready within 60 s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>client-api's build output beside this test assembly's (same configuration and framework).</summary>
    private static string LocateClientApi()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var testProject = testOutput;
        while (testProject is not null && !File.Exists(Path.Combine(testProject.FullName, "Platform.Tests.csproj")))
        {
            testProject = testProject.Parent;
        }

        if (testProject?.Parent?.Parent is not { } root)
        {
            throw new InvalidOperationException($"Cannot find the repository from {AppContext.BaseDirectory}.");
        }

        var relative = Path.GetRelativePath(testProject.FullName, testOutput.FullName);
        var dll = Path.Combine(root.FullName, "client-api", relative, "Platform.ClientApi.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"client-api is not built at {dll}; the test project builds it through its project reference.", dll);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
