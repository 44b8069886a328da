using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>Validates a <c>POST /v1/admin/campaigns</c> body (shared/API.md "Ads").</summary>
public static class CampaignParser
{
    public const long MaxBudgetCents = 1_000_000_000;
    public const long MaxBidCpmCents = 1_000_000;

    public static CampaignDefinition? Parse(JsonElement root, DateTimeOffset now, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        var campaignId = JsonFields.Id(root, "campaignId", "", errors);
        var advertiserId = JsonFields.Id(root, "advertiserId", "", errors);
        var videoId = JsonFields.Id(root, "videoId", "", errors);
        var budget = JsonFields.Integer(root, "budgetCents", "", errors, 1, MaxBudgetCents, required: true);
        var bid = JsonFields.Integer(root, "bidCpmCents", "", errors, 1, MaxBidCpmCents, required: true);
        var tags = ParseTags(root, errors);
        var endsAt = JsonFields.Timestamp(root, "endsAt", "", errors);
        if (endsAt is { } end && end <= now)
        {
            errors.Add("endsAt", "'endsAt' must be in the future.");
        }

        if (budget is { } b && bid is { } c && b * 1000 < c)
        {
            errors.Add("budgetCents", "'budgetCents' must pay for at least one impression (bidCpmCents / 1000 cents).");
        }

        if (errors.Any || campaignId is null || advertiserId is null || videoId is null || budget is null || bid is null)
        {
            return null;
        }

        return new CampaignDefinition(campaignId, advertiserId, videoId, budget.Value, bid.Value, tags, endsAt);
    }

    /// <summary>Optional target tags under the video tag rules (at most 16, 1..32 characters of safe text), duplicates dropped.</summary>
    private static string[] ParseTags(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("targetTags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (tags.ValueKind != JsonValueKind.Array || tags.GetArrayLength() > VideoRegistrationParser.MaxTags)
        {
            errors.Add("targetTags", $"'targetTags' must be an array of at most {VideoRegistrationParser.MaxTags} strings.");
            return [];
        }

        var result = new List<string>();
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            var text = tag.ValueKind == JsonValueKind.String && JsonFields.TryGetText(tag, out var t) ? t : null;
            if (string.IsNullOrWhiteSpace(text) || text.Length > VideoRegistrationParser.MaxTagLength || !SafeText.IsSafe(text))
            {
                errors.Add($"targetTags[{i}]", $"Each tag must be a string of 1 to {VideoRegistrationParser.MaxTagLength} characters that {SafeText.Rule}.");
            }
            else if (!result.Contains(text, StringComparer.Ordinal))
            {
                result.Add(text);
            }

            i++;
        }

        return [.. result];
    }
}
