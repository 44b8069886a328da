using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Experiments;

/// <summary>The durable list of running experiments that every silo's <see cref="ExperimentDirectory"/> caches.</summary>
public sealed class ExperimentRegistryGrain(
    [PersistentState(StorageNames.ExperimentRegistryState, StorageNames.Provider)] IPersistentState<ExperimentRegistryState> state)
    : Grain, IExperimentRegistryGrain
{
    private RunningExperiments? _snapshot;

    public Task<RunningExperiments> GetRunningAsync() =>
        Task.FromResult(_snapshot ??= new RunningExperiments(state.State.Version, [.. state.State.Running.Values.OrderBy(e => e.ExperimentId, StringComparer.Ordinal)]));

    public async Task StartAsync(RunningExperiment experiment)
    {
        state.State.Running[experiment.ExperimentId] = experiment;
        await ChangedAsync();
    }

    public async Task StopAsync(string experimentId)
    {
        if (state.State.Running.Remove(experimentId))
        {
            await ChangedAsync();
        }
    }

    private async Task ChangedAsync()
    {
        state.State.Version++;
        _snapshot = null;
        await state.WriteStateAsync();
    }
}
