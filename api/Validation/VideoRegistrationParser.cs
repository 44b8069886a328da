using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>Validates a <c>POST /v1/videos</c> body.</summary>
public static class VideoRegistrationParser
{
    public const int MaxDurationMs = 3_600_000;
    public const int MaxTitleLength = 200;
    public const int MaxTags = 16;
    public const int MaxTagLength = 32;
    public const int MaxPriceCents = 100_000;

    public static VideoRegistration? Parse(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        var videoId = JsonFields.Id(root, "videoId", "", errors);
        var creatorId = JsonFields.Id(root, "creatorId", "", errors);
        var title = JsonFields.String(root, "title", "", errors, required: false) ?? "";
        if (title.Length > MaxTitleLength)
        {
            errors.Add("title", $"'title' must be at most {MaxTitleLength} characters.");
        }
        else if (!SafeText.IsSafe(title))
        {
            errors.Add("title", $"'title' {SafeText.Rule}.");
        }

        var duration = JsonFields.Integer(root, "durationMs", "", errors, 1, MaxDurationMs, required: true);
        var tags = ParseTags(root, errors);
        var price = JsonFields.Integer(root, "priceCents", "", errors, 0, MaxPriceCents, required: false) ?? 0;
        var fingerprint = ContentRequestParser.Fingerprint(root, errors);
        if (errors.Any || videoId is null || creatorId is null || duration is null)
        {
            return null;
        }

        return new VideoRegistration(videoId, creatorId, title, tags, (int)duration.Value, (int)price, fingerprint);
    }

    private static string[] ParseTags(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (tags.ValueKind != JsonValueKind.Array || tags.GetArrayLength() > MaxTags)
        {
            errors.Add("tags", $"'tags' must be an array of at most {MaxTags} strings.");
            return [];
        }

        var result = new List<string>();
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            var text = tag.ValueKind == JsonValueKind.String && JsonFields.TryGetText(tag, out var t) ? t : null;
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTagLength || !SafeText.IsSafe(text))
            {
                errors.Add($"tags[{i}]", $"Each tag must be a string of 1 to {MaxTagLength} characters that {SafeText.Rule}.");
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
