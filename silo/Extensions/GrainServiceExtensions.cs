using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Grains.Catalog;
using Platform.Grains.Options;
using Platform.Grains.Privacy;
using Platform.Grains.Recommendation;
using Platform.Grains.Videos;

namespace Platform.Silo.Extensions;

/// <summary>The services grains depend on: their options and the learning and ranking code.</summary>
public static class GrainServiceExtensions
{
    public static IServiceCollection AddPlatformGrainServices(this IServiceCollection services)
    {
        services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.Section)
            .Validate(o => o.Dimensions is >= 4 and <= 512, "Platform:Learning:Dimensions must be 4..512.")
            .Validate(o => o.LearningRate is > 0 and < 1 && o.MaxNorm > 0, "Platform:Learning rates must be in (0, 1) and MaxNorm positive.")
            .ValidateOnStart();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section)
            .Validate(o => o.ViewedHistory > 0 && o.ServedHistory > 0 && o.EventIdHistory > 0 && o.MaxPerCreator > 0, "Platform:Feed sizes must be positive.")
            .ValidateOnStart();
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section)
            .Validate(o => o.Shards is >= 1 and <= 1024, "Platform:Catalog:Shards must be 1..1024.")
            .Validate(o => o.CoEngagementFlushInterval > TimeSpan.Zero && o.MaxPendingCoEngagement > 0, "Platform:Catalog co-engagement batching needs a positive interval and bound.")
            .ValidateOnStart();
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section)
            .Validate(o => o.CoEngagementWindow >= 0 && o.CoEngagementAnchors >= 0 && o.MaxNeighbours > 0 && o.MaxCoEngagementEdges > 0, "Platform:Ranking co-engagement sizes must not be negative.")
            .Validate(o => o.CoEngagementDecay is > 0 and <= 1, "Platform:Ranking:CoEngagementDecay must be in (0, 1].")
            .Validate(o => o.CoEngagementHalfLife >= TimeSpan.Zero, "Platform:Ranking:CoEngagementHalfLife must not be negative (zero: edges never fade).")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.ConfirmDelay > TimeSpan.Zero && o.RetryInterval > TimeSpan.Zero && o.RecoveryPeriod > TimeSpan.Zero, "Platform:Delivery intervals must be positive.")
            .Validate(o => o.ConfirmedRetention > TimeSpan.Zero && o.UnconfirmedRetention >= o.ConfirmedRetention, "Platform:Delivery retentions must be positive, unconfirmed at least confirmed.")
            .Validate(o => o.MaxEngagementBatch > 0, "Platform:Delivery:MaxEngagementBatch must be positive.")
            .Validate<IOptions<SiloMessagingOptions>>(
                (o, messaging) => o.ConfirmedRetention > messaging.Value.ResponseTimeout,
                "Platform:Delivery:ConfirmedRetention must exceed Orleans:Messaging:ResponseTimeout (a resent request may be that old).")
            .ValidateOnStart();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        services.AddSingleton(sp => new OnlineLearner(sp.GetRequiredService<IOptions<LearningOptions>>().Value));
        services.AddSingleton<CatalogReporter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogReporter>());
        services.AddSingleton<VideoContextCache>();
        services.AddSingleton<VideoEngagementBatcher>();
        services.AddSingleton<CoEngagementBatcher>();
        services.AddSingleton<ImpressionBatcher>();
        services.AddSingleton<FeedQualityMetrics>();
        services.AddPlatformRanking();
        services.AddPlatformAds();
        services.AddPlatformExperiments();
        services.AddUserErasureStep<UserStateErasureStep>();
        services.AddPlatformContentServices();
        return services;
    }
}
