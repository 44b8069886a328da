using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="CatalogOptions"/> that cannot work, at start: a shard count out of range, co-engagement batching that never flushes, or shard snapshots that never run.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = new List<string>();
        if (options.Shards is < 1 or > 1024)
        {
            failures.Add("Platform:Catalog:Shards must be 1..1024.");
        }

        if (options.CoEngagementFlushInterval <= TimeSpan.Zero || options.MaxPendingCoEngagement <= 0)
        {
            failures.Add("Platform:Catalog co-engagement batching needs a positive interval and bound.");
        }

        if (options.SnapshotInterval <= TimeSpan.Zero)
        {
            failures.Add("Platform:Catalog:SnapshotInterval must be over 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
