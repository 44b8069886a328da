using Microsoft.Extensions.Options;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;
using Platform.Silo.Services;

namespace Platform.Silo.Extensions;

/// <summary>The ranker: the hand-set blend, the learned model (loaded and reloaded from a file), and the feature log.</summary>
public static class RankingServiceExtensions
{
    public static IServiceCollection AddPlatformRanking(this IServiceCollection services)
    {
        services.AddSingleton(sp => new RankingModelHolder(new BlendRankingModel(sp.GetRequiredService<IOptions<RankingOptions>>().Value)));
        services.AddSingleton<RankingModelWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RankingModelWatcher>());
        services.AddSingleton(sp => new ItemModelHolder(sp.GetRequiredService<IOptions<ItemModelOptions>>().Value.Weight));
        services.AddSingleton<ItemModelRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<ItemModelRefresher>());
        services.AddSingleton<IRankingExampleSink>(sp =>
            sp.GetRequiredService<IOptions<RankingOptions>>().Value.FeatureLogPath is { Length: > 0 } path
                ? new FileRankingExampleSink(path)
                : DisabledRankingExampleSink.Instance);
        services.AddSingleton(sp => new FeedRanker(
            sp.GetRequiredService<IOptions<FeedOptions>>().Value,
            sp.GetRequiredService<IOptions<RankingOptions>>().Value,
            sp.GetRequiredService<RankingModelHolder>(),
            sp.GetRequiredService<IRankingExampleSink>()));
        return services;
    }
}
