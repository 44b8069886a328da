namespace Platform.Grains.Options;

/// <summary>
/// The creator grain's side of the live stream: how often it notifies the gateways watching it and how long a
/// gateway's registration lasts without renewal. Section <c>Platform:LiveStats</c> (the gateway's side is
/// <c>Platform:Live</c>, whose <c>RenewInterval</c> must stay well under <see cref="SubscriptionExpiry"/>).
/// </summary>
public sealed class LiveStatsOptions
{
    public const string Section = "Platform:LiveStats";

    /// <summary>Least time between two notifications of one creator: at most 4 a second by default (250 ms); 10 ms to 10 s.</summary>
    public TimeSpan NotifyDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A gateway's registration not renewed for this long is dropped (the gateway went away). Default 1 minute; 10 s to 1 hour.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(1);
}
