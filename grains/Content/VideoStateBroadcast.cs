using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Services;
using Platform.Grains.Ads;
using Platform.Grains.Options;
using Platform.Grains.Videos;

namespace Platform.Grains.Content;

/// <summary>
/// Tells every silo of the cluster that a video changed state, before the change is answered. Each silo keeps a copy
/// of the contexts of videos it saw lately (<see cref="VideoContextCache"/>), which would otherwise accept events on a
/// video taken down elsewhere until the copy expired, and paid slices of ad campaigns (<see cref="AdService"/>), which
/// would otherwise keep serving a taken-down video's ad until the slice ran out. This silo applies the change itself;
/// every other active silo is told through its <see cref="IVideoStateService"/>, all in parallel. The wait is bounded by
/// <see cref="DeliveryOptions.VideoContextTtl"/> (5 s when contexts are not cached) and logged when it runs out: a silo
/// that slow falls back to the copy's own expiry (one TTL after it was stored) and to the campaign's refusal to renew
/// the slice, and a silo that is down serves nothing.
/// </summary>
public sealed partial class VideoStateBroadcast(
    IServiceProvider services,
    VideoContextCache contexts,
    AdService ads,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IOptions<DeliveryOptions> delivery,
    ILogger<VideoStateBroadcast> logger) : GrainServiceClient<IVideoStateService>(services)
{
    // The longest a move waits for the other silos when contexts are not cached (only ads then depend on the word).
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    public async Task TellEverySiloAsync(string videoId, bool published)
    {
        ApplyHere(videoId, published);
        var calls = new List<Task>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(localSilo.SiloAddress))
            {
                calls.Add(TellAsync(member.SiloAddress, videoId, published));
            }
        }

        if (calls.Count == 0)
        {
            return;
        }

        var ttl = delivery.Value.VideoContextTtl;
        try
        {
            await Task.WhenAll(calls).WaitAsync(ttl > TimeSpan.Zero ? ttl : MaxWait);
        }
        catch (TimeoutException)
        {
            LogSlowSilos(logger, videoId, ttl);
        }
    }

    /// <summary>This silo's part: its cached context of the video goes, and its ads wait while the video is not published.</summary>
    public void ApplyHere(string videoId, bool published)
    {
        contexts.Invalidate(videoId);
        ads.VideoStateChanged(videoId, published);
    }

    private async Task TellAsync(SiloAddress silo, string videoId, bool published)
    {
        try
        {
            await GetGrainService(silo).VideoStateChangedAsync(videoId, published);
        }
        catch (Exception ex)
        {
            // A silo that is leaving or gone: its copies expire within the TTL, and it serves no events meanwhile.
            LogSiloNotTold(logger, ex, silo.ToString(), videoId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId} changed state; not every silo confirmed within {Ttl}: their cached contexts expire on their own")]
    private static partial void LogSlowSilos(ILogger logger, string videoId, TimeSpan ttl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was not told that video {VideoId} changed state; its cached context expires on its own")]
    private static partial void LogSiloNotTold(ILogger logger, Exception exception, string silo, string videoId);
}
