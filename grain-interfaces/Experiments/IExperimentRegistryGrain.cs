namespace Platform.GrainInterfaces;

/// <summary>
/// The list of running experiments (one grain, key 0). Each silo caches it and refreshes it on a
/// short period, so the feed path assigns users without a call of its own.
/// </summary>
public interface IExperimentRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Every running experiment and the list's version.</summary>
    Task<RunningExperiments> GetRunningAsync();

    /// <summary>Adds (or replaces) a running experiment.</summary>
    Task StartAsync(RunningExperiment experiment);

    /// <summary>Removes an experiment from the running list.</summary>
    Task StopAsync(string experimentId);
}
