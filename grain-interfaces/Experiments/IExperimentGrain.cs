namespace Platform.GrainInterfaces;

/// <summary>An A/B experiment of ranking variants: its definition, its state and its per-variant counts. Keyed by experiment id.</summary>
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Creates and starts the experiment; the same definition again changes nothing, another one is a conflict.</summary>
    Task<ExperimentCreation> CreateAsync(ExperimentDefinition definition);

    /// <summary>The experiment's state and numbers, or null when it was never created.</summary>
    Task<ExperimentReport?> GetReportAsync();

    /// <summary>Stops the experiment: feeds stop carrying it, its numbers stay. False when it was never created.</summary>
    Task<bool> StopAsync();

    /// <summary>Adds one silo flush of counts, each flush once (by sender and sequence). Returns once durable.</summary>
    Task AddCountsAsync(ExperimentCountsBatch batch);
}
