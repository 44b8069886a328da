using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Services;
using Platform.Grains.Options;
using Platform.Grains.Videos;

namespace Platform.Grains.Content;

/// <summary>
/// Tells every other silo of the cluster that a video changed state, before the change is answered: each silo keeps
/// a copy of the contexts of videos it saw lately (<see cref="VideoContextCache"/>), which would otherwise accept
/// events on a video taken down elsewhere until the copy expired. The video's own silo drops its copy itself; every
/// other active silo is told through its <see cref="IVideoStateService"/>, all in parallel. The wait is bounded by
/// <see cref="DeliveryOptions.VideoContextTtl"/> and logged when it runs out: a silo that slow falls back to the
/// copy's own expiry (one TTL after it was stored), and a silo that is down serves nothing.
/// </summary>
public sealed partial class VideoStateBroadcast(
    IServiceProvider services,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IOptions<DeliveryOptions> delivery,
    ILogger<VideoStateBroadcast> logger) : GrainServiceClient<IVideoStateService>(services)
{
    public async Task TellOtherSilosAsync(string videoId)
    {
        var ttl = delivery.Value.VideoContextTtl;
        if (ttl <= TimeSpan.Zero)
        {
            // No silo caches contexts.
            return;
        }

        var calls = new List<Task>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(localSilo.SiloAddress))
            {
                calls.Add(TellAsync(member.SiloAddress, videoId));
            }
        }

        if (calls.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(calls).WaitAsync(ttl);
        }
        catch (TimeoutException)
        {
            LogSlowSilos(logger, videoId, ttl);
        }
    }

    private async Task TellAsync(SiloAddress silo, string videoId)
    {
        try
        {
            await GetGrainService(silo).VideoStateChangedAsync(videoId);
        }
        catch (Exception ex)
        {
            // A silo that is leaving or gone: its copies expire within the TTL, and it serves no events meanwhile.
            LogSiloNotTold(logger, ex, silo.ToString(), videoId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId} changed state; not every silo confirmed within {Ttl}, their cached contexts expire by then")]
    private static partial void LogSlowSilos(ILogger logger, string videoId, TimeSpan ttl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was not told that video {VideoId} changed state; its cached context expires within the TTL")]
    private static partial void LogSiloNotTold(ILogger logger, Exception exception, string silo, string videoId);
}
