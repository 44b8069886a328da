using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>
/// Validates a <c>POST /v1/admin/experiments</c> body: 2..8 variants (the first is the control) with
/// distinct names, weights 1..100, and settings only from the allowlist of shared/API.md.
/// </summary>
public static class ExperimentParser
{
    public const int MinVariants = 2;
    public const int MaxVariants = 8;
    public const int MaxModelPathLength = 500;

    /// <summary>The blend weights a variant may set as <c>Ranking:Blend:{name}</c> (the hand-set model's weights).</summary>
    public static readonly string[] BlendWeights =
        ["Affinity", "Interest", "CoEngagement", "Popularity", "LikeRate", "CompletionRate", "SkipRate", "Trending", "Freshness", "CreatorAffinity"];

    private const string BlendPrefix = "Ranking:Blend:";

    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.Web);

    public static ExperimentDefinition? Parse(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        var experimentId = JsonFields.Id(root, "experimentId", "", errors);
        var variants = ParseVariants(root, errors);
        if (errors.Any || experimentId is null || variants is null)
        {
            return null;
        }

        return new ExperimentDefinition(experimentId, variants, JsonSerializer.Serialize(variants, CanonicalJson));
    }

    private static ExperimentVariant[]? ParseVariants(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("variants", out var array) || array.ValueKind != JsonValueKind.Array
            || array.GetArrayLength() is < MinVariants or > MaxVariants)
        {
            errors.Add("variants", $"'variants' must be an array of {MinVariants} to {MaxVariants} variants; the first is the control.");
            return null;
        }

        var variants = new List<ExperimentVariant>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"variants[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Each variant must be an object with 'name', 'weight' and 'settings'.");
                continue;
            }

            var name = JsonFields.Id(element, "name", path, errors);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{path}.name", $"Variant names must be distinct; '{name}' repeats.");
            }

            var weight = JsonFields.Integer(element, "weight", path, errors, 1, 100, required: true);
            var settings = ParseSettings(element, $"{path}.settings", errors);
            if (name is not null && weight is not null && settings is not null)
            {
                variants.Add(new ExperimentVariant(name, (int)weight, settings));
            }
        }

        return errors.Any ? null : [.. variants];
    }

    private static VariantSettings? ParseSettings(JsonElement variant, string path, ValidationErrors errors)
    {
        if (!variant.TryGetProperty("settings", out var settings) || settings.ValueKind == JsonValueKind.Null)
        {
            return VariantSettings.None;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "'settings' must be an object of allowed setting names to values.");
            return null;
        }

        var result = VariantSettings.None;
        var blend = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in settings.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            var value = property.Value;
            switch (property.Name)
            {
                case "Feed:Sources":
                    result = result with { Sources = ParseSources(value, at, errors) };
                    break;
                case "Feed:ExploreShare":
                    result = result with { ExploreShare = Number(value, at, errors, 0, 1) };
                    break;
                case "Feed:DiversityPenalty":
                    result = result with { DiversityPenalty = Number(value, at, errors, 0, 5) };
                    break;
                case "Feed:MaxPerCreator":
                    result = result with { MaxPerCreator = (int?)Number(value, at, errors, 1, 100, integer: true) };
                    break;
                case "Ranking:ModelPath":
                    result = result with { ModelPath = ModelPath(value, at, errors) };
                    break;
                case var blendName when blendName.StartsWith(BlendPrefix, StringComparison.Ordinal)
                    && Array.IndexOf(BlendWeights, blendName[BlendPrefix.Length..]) >= 0:
                    if (Number(value, at, errors, -10, 10) is { } weight)
                    {
                        blend[blendName[BlendPrefix.Length..]] = weight;
                    }

                    break;
                default:
                    errors.Add(at, $"'{property.Name}' is not a setting a variant may override (allowed: Feed:Sources, Feed:ExploreShare, "
                        + $"Feed:DiversityPenalty, Feed:MaxPerCreator, Ranking:ModelPath, {BlendPrefix}{{{string.Join('|', BlendWeights)}}}).");
                    break;
            }
        }

        return blend.Count > 0 ? result with { Blend = [.. blend.Select(b => new BlendWeight(b.Key, b.Value))] } : result;
    }

    private static CandidateSource[]? ParseSources(JsonElement value, string path, ValidationErrors errors)
    {
        const string rule = "must be a non-empty array of distinct sources: personalized, coEngagement, trending, fresh, following, explore.";
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > 6)
        {
            errors.Add(path, $"'Feed:Sources' {rule}");
            return null;
        }

        var sources = new List<CandidateSource>();
        foreach (var item in value.EnumerateArray())
        {
            CandidateSource? source = item.ValueKind == JsonValueKind.String ? item.GetString() switch
            {
                "personalized" => CandidateSource.Personalized,
                "coEngagement" => CandidateSource.CoEngagement,
                "trending" => CandidateSource.Trending,
                "fresh" => CandidateSource.Fresh,
                "following" => CandidateSource.Following,
                "explore" => CandidateSource.Explore,
                _ => null,
            } : null;
            if (source is null || sources.Contains(source.Value))
            {
                errors.Add(path, $"'Feed:Sources' {rule}");
                return null;
            }

            sources.Add(source.Value);
        }

        return [.. sources];
    }

    private static double? Number(JsonElement value, string path, ValidationErrors errors, double min, double max, bool integer = false)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
            || number < min || number > max || (integer && number != Math.Floor(number)))
        {
            errors.Add(path, $"must be {(integer ? "an integer" : "a number")} from {min} to {max}.");
            return null;
        }

        return number;
    }

    private static string? ModelPath(JsonElement value, string path, ValidationErrors errors)
    {
        if (value.ValueKind != JsonValueKind.String || !JsonFields.TryGetText(value, out var text)
            || text.Length is 0 or > MaxModelPathLength || !SafeText.IsSafe(text))
        {
            errors.Add(path, $"'Ranking:ModelPath' must be a file path of 1 to {MaxModelPathLength} characters that {SafeText.Rule}.");
            return null;
        }

        return text;
    }
}
