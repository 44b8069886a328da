using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>
/// The newest earnings a creator grain knows, for its studio's live stream. Payments report them
/// after they commit; until the first report the earnings grain is asked once (a read transaction),
/// so a new activation or a missed report never shows less than was committed before. Null until
/// the creator's first payment.
/// </summary>
internal sealed class LiveEarnings(IGrainFactory grains, string creatorId)
{
    private CreatorEarnings? _latest;
    private bool _loaded;

    /// <summary>Keeps <paramref name="earnings"/> if it counts more payments than what is known.</summary>
    public void Report(CreatorEarnings earnings)
    {
        if (_latest is null || earnings.Payments > _latest.Payments)
        {
            _latest = earnings;
        }
    }

    public async Task<CreatorEarnings?> GetAsync()
    {
        if (!_loaded)
        {
            try
            {
                Report(await grains.GetGrain<ICreatorEarningsGrain>(creatorId).GetAsync());
                _loaded = true;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The stream shows what is known; the next snapshot asks again.
            }
        }

        // A creator nobody paid yet streams the counters alone, as before there was money.
        return _latest is { Payments: > 0 } ? _latest : null;
    }
}
