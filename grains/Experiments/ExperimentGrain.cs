using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Experiments;

/// <summary>
/// One experiment: its definition, running or stopped, and per-variant totals added by the silos'
/// <see cref="ExperimentCounter"/> flushes, each flush once (one mark per sending silo process).
/// </summary>
public sealed class ExperimentGrain(
    [PersistentState(StorageNames.ExperimentState, StorageNames.Provider)] IPersistentState<ExperimentState> state,
    IOptions<ExperimentOptions> options,
    TimeProvider time)
    : Grain, IExperimentGrain
{
    private ExperimentState Experiment => state.State;

    public async Task<ExperimentCreation> CreateAsync(ExperimentDefinition definition)
    {
        if (Experiment.Definition is { } existing)
        {
            if (existing.Canonical != definition.Canonical)
            {
                return ExperimentCreation.Conflict;
            }

            // A retry after a crash between the two writes below still reaches the registry.
            if (Experiment.Running)
            {
                await Registry.StartAsync(new RunningExperiment(existing.ExperimentId, existing.Variants));
            }

            return ExperimentCreation.Existing;
        }

        Experiment.Definition = definition;
        Experiment.Running = true;
        Experiment.StartedAt = time.GetUtcNow();
        Experiment.Variants = [.. definition.Variants.Select(_ => new VariantTotals())];
        await state.WriteStateAsync();
        await Registry.StartAsync(new RunningExperiment(definition.ExperimentId, definition.Variants));
        return ExperimentCreation.Created;
    }

    public async Task<bool> StopAsync()
    {
        if (Experiment.Definition is null)
        {
            return false;
        }

        if (Experiment.Running)
        {
            Experiment.Running = false;
            Experiment.StoppedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }

        await Registry.StopAsync(Experiment.Definition.ExperimentId);
        return true;
    }

    public async Task AddCountsAsync(ExperimentCountsBatch batch)
    {
        if (Experiment.Definition is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (Experiment.Senders.TryGetValue(batch.Sender, out var mark) && batch.Sequence <= mark.Sequence)
        {
            return;
        }

        foreach (var counts in batch.Counts)
        {
            if (counts.Variant >= 0 && counts.Variant < Experiment.Variants.Count)
            {
                Experiment.Variants[counts.Variant].Add(counts);
            }
        }

        Experiment.Senders[batch.Sender] = new SenderMark { Sequence = batch.Sequence, At = now };
        ForgetIdleSenders(now);
        await state.WriteStateAsync();
    }

    public Task<ExperimentReport?> GetReportAsync()
    {
        if (Experiment.Definition is not { } definition)
        {
            return Task.FromResult<ExperimentReport?>(null);
        }

        var variants = new VariantReport[definition.Variants.Length];
        var control = LikeRate.Of(Experiment.Variants[0]);
        for (var i = 0; i < variants.Length; i++)
        {
            var t = Experiment.Variants[i];
            var like = LikeRate.Of(t);
            var impressions = t[ExperimentMetric.Impressions];
            variants[i] = new VariantReport(
                definition.Variants[i].Name,
                definition.Variants[i].Weight,
                t[ExperimentMetric.Users],
                impressions,
                t[ExperimentMetric.Views],
                t[ExperimentMetric.Completions],
                t[ExperimentMetric.Likes],
                t[ExperimentMetric.Shares],
                t[ExperimentMetric.Skips],
                t[ExperimentMetric.Comments],
                like.Rate,
                ExperimentStatistics.Rate(t[ExperimentMetric.Completions], impressions),
                ExperimentStatistics.Rate(t[ExperimentMetric.Skips], impressions),
                [like.Interval.Low, like.Interval.High],
                i == 0 ? null : like.PValueAgainst(control));
        }

        return Task.FromResult<ExperimentReport?>(new ExperimentReport(
            definition.ExperimentId, Experiment.Running, Experiment.StartedAt, Experiment.StoppedAt, variants));
    }

    private IExperimentRegistryGrain Registry => GrainFactory.GetGrain<IExperimentRegistryGrain>(0);

    // A sender's mark only guards against a resent flush, which is never older than a few response
    // timeouts; a silo process that has not flushed for much longer is gone.
    private void ForgetIdleSenders(DateTimeOffset now)
    {
        if (Experiment.Senders.Count <= 64)
        {
            return;
        }

        foreach (var (sender, mark) in Experiment.Senders.ToArray())
        {
            if (now - mark.At > options.Value.SenderMarkRetention)
            {
                Experiment.Senders.Remove(sender);
            }
        }
    }
}
