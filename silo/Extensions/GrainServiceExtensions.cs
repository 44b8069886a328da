using Microsoft.Extensions.Options;
using Platform.Api.Extensions;
using Platform.Grains.Catalog;
using Platform.Grains.Creators;
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
        services.AddValidatedOptions<LearningOptions, LearningOptionsValidator>(LearningOptions.Section);
        services.AddValidatedOptions<FeedOptions, FeedOptionsValidator>(FeedOptions.Section);
        services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(CatalogOptions.Section);
        services.AddValidatedOptions<RankingOptions, RankingOptionsValidator>(RankingOptions.Section);
        services.AddValidatedOptions<ItemModelOptions, ItemModelOptionsValidator>(ItemModelOptions.Section);
        services.AddValidatedOptions<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.Section);
        services.AddValidatedOptions<SearchOptions, SearchOptionsValidator>(SearchOptions.Section);
        services.AddValidatedOptions<LiveStatsOptions, LiveStatsOptionsValidator>(LiveStatsOptions.Section);
        services.AddValidatedOptions<PrivacyOptions, PrivacyOptionsValidator>(PrivacyOptions.Section);
        services.AddSingleton(sp => new OnlineLearner(sp.GetRequiredService<IOptions<LearningOptions>>().Value));
        services.AddSingleton<CatalogReporter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogReporter>());
        services.AddSingleton<VideoContextCache>();
        services.AddSingleton<VideoEngagementBatcher>();
        services.AddSingleton<CreatorDeltaBatcher>();
        services.AddSingleton<CoEngagementBatcher>();
        services.AddSingleton<ImpressionBatcher>();
        services.AddPlatformAnalytics();
        services.AddSingleton<FeedQualityMetrics>();
        services.AddPlatformRanking();
        services.AddPlatformAds();
        services.AddPlatformExperiments();
        services.AddUserErasureStep<UserStateErasureStep>();
        services.AddPlatformContentServices();
        return services;
    }
}
