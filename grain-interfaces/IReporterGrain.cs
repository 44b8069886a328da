namespace Platform.GrainInterfaces;

/// <summary>
/// A user as a reporter (keyed by user id): how many reports the user may still file now. Held in memory only,
/// a token bucket that refills over time; a restart forgives, which a rate limit may.
/// </summary>
public interface IReporterGrain : IGrainWithStringKey
{
    /// <summary>Takes one report from the user's allowance: null when allowed, else how long until the next one is.</summary>
    Task<TimeSpan?> TryTakeAsync();
}
