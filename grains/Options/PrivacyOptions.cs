namespace Platform.Grains.Options;

/// <summary>User erasure (<c>DELETE /v1/users/{id}</c>, docs/privacy.md). Section <c>Platform:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Platform:Privacy";

    /// <summary>
    /// How often an erasure with steps left (a store was down, a silo crashed) runs them again on its own, through its
    /// reminder, even if nobody asks again. At least 1 minute (Orleans' shortest reminder period). Default 1 minute:
    /// an erasure should finish soon after its store is back, and a pending one costs one call per period.
    /// </summary>
    public TimeSpan ErasureRetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an erasure step waits for a row that an unfinished transaction still holds (the wallet's rows while a
    /// payment settles) before the step fails, to run again at the next retry. 1 s to 5 min. Default 10 s: a
    /// transaction settles in milliseconds, so 10 s means something is stuck, and the request should not wait on it.
    /// </summary>
    public TimeSpan ErasureSettleWait { get; set; } = TimeSpan.FromSeconds(10);
}
