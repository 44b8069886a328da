using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;

namespace Platform.Grains.Content;

/// <summary>
/// A user's report allowance: a token bucket of <see cref="ModerationOptions.ReportBurst"/> that refills one
/// report per <see cref="ModerationOptions.ReportRefillInterval"/>. In memory only: one grain per user makes the
/// limit hold across every gateway, and forgetting it on a restart only forgives.
/// </summary>
public sealed class ReporterGrain(IOptions<ModerationOptions> options, TimeProvider time) : Grain, IReporterGrain
{
    private double _tokens = options.Value.ReportBurst;
    private long _refilledAt = time.GetTimestamp();

    public Task<TimeSpan?> TryTakeAsync()
    {
        var o = options.Value;
        var now = time.GetTimestamp();
        _tokens = Math.Min(o.ReportBurst, _tokens + time.GetElapsedTime(_refilledAt, now) / o.ReportRefillInterval);
        _refilledAt = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return Task.FromResult<TimeSpan?>(null);
        }

        return Task.FromResult<TimeSpan?>(o.ReportRefillInterval * (1 - _tokens));
    }
}
