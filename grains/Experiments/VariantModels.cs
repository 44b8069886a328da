using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Options;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Experiments;

/// <summary>
/// The ranking models experiment variants ask for, one per silo and variant: the hand-set blend with the
/// variant's weights, or a learned model file (<c>Ranking:ModelPath</c>) loaded once. A file that cannot
/// be loaded leaves the variant on the platform's current model, and says so in the log.
/// </summary>
public sealed partial class VariantModels(IOptions<RankingOptions> ranking, ILogger<VariantModels> logger)
{
    private readonly ConcurrentDictionary<(string Experiment, int Variant), IRankingModel?> _models = new();

    /// <summary>The model the user's variants rank with, or null for the platform's current model.</summary>
    public IRankingModel? For(AssignedVariant[] assigned)
    {
        IRankingModel? model = null;
        foreach (var a in assigned)
        {
            var settings = a.Definition.Settings;
            if (settings.ModelPath is not null || settings.Blend is not null)
            {
                model = _models.GetOrAdd((a.Experiment.ExperimentId, a.Variant), _ => Create(a)) ?? model;
            }
        }

        return model;
    }

    private IRankingModel? Create(AssignedVariant a)
    {
        var settings = a.Definition.Settings;
        if (settings.ModelPath is { } path)
        {
            try
            {
                return TreeEnsembleRankingModel.Load(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or ArgumentException)
            {
                LogModelUnavailable(logger, ex, a.Experiment.ExperimentId, a.Definition.Name, path);
                return null;
            }
        }

        var weights = Clone(ranking.Value);
        foreach (var w in settings.Blend!)
        {
            var value = (float)w.Weight;
            switch (w.Name)
            {
                case "Affinity": weights.AffinityWeight = value; break;
                case "Interest": weights.InterestWeight = value; break;
                case "CoEngagement": weights.CoEngagementWeight = value; break;
                case "Popularity": weights.PopularityWeight = value; break;
                case "LikeRate": weights.LikeRateWeight = value; break;
                case "CompletionRate": weights.CompletionRateWeight = value; break;
                case "SkipRate": weights.SkipRateWeight = value; break;
                case "Trending": weights.TrendingWeight = value; break;
                case "Freshness": weights.FreshnessWeight = value; break;
                case "CreatorAffinity": weights.CreatorAffinityWeight = value; break;
            }
        }

        return new BlendRankingModel(weights);
    }

    private static RankingOptions Clone(RankingOptions o) => new()
    {
        AffinityWeight = o.AffinityWeight,
        InterestWeight = o.InterestWeight,
        CoEngagementWeight = o.CoEngagementWeight,
        PopularityWeight = o.PopularityWeight,
        LikeRateWeight = o.LikeRateWeight,
        CompletionRateWeight = o.CompletionRateWeight,
        SkipRateWeight = o.SkipRateWeight,
        TrendingWeight = o.TrendingWeight,
        FreshnessWeight = o.FreshnessWeight,
        CreatorAffinityWeight = o.CreatorAffinityWeight,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId} variant {Variant}: the ranking model {Path} cannot be loaded; the variant ranks with the platform's model")]
    private static partial void LogModelUnavailable(ILogger logger, Exception exception, string experimentId, string variant, string path);
}
