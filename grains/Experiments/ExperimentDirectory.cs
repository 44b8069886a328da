using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Experiments;

/// <summary>
/// Each silo's copy of the running experiments, reloaded from <see cref="IExperimentRegistryGrain"/>
/// every <see cref="ExperimentOptions.RefreshInterval"/>. The feed path reads <see cref="Current"/>
/// and assigns users from it by hash: no call per request.
/// </summary>
public sealed partial class ExperimentDirectory : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ILogger<ExperimentDirectory> _logger;
    private readonly ITimer _timer;
    private volatile RunningExperiments _current = new(-1, []);
    private int _refreshing;

    public ExperimentDirectory(IGrainFactory grains, IOptions<ExperimentOptions> options, TimeProvider time, ILogger<ExperimentDirectory> logger)
    {
        _grains = grains;
        _logger = logger;
        var period = options.Value.RefreshInterval;
        _timer = time.CreateTimer(static s => _ = ((ExperimentDirectory)s!).RefreshAsync(), this, period, period);
    }

    /// <summary>The running experiments as last loaded.</summary>
    public RunningExperiments Current => _current;

    /// <summary>Reloads the list now (also run on the timer). Never throws.</summary>
    public async Task RefreshAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var running = await _grains.GetGrain<IExperimentRegistryGrain>(0).GetRunningAsync();
            if (running.Version != _current.Version)
            {
                _current = running;
            }
        }
        catch (Exception ex)
        {
            // The silo is starting or stopping, or the registry is moving: the last list stays in force.
            LogRefreshFailed(_logger, ex);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    public void Dispose() => _timer.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reloading the running experiments failed; the last list stays in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
