using System.Globalization;
using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>Validates the bodies of the content routes: fingerprints, reports, comments and moderation notes.</summary>
public static class ContentRequestParser
{
    public const int FingerprintLength = 16;
    public const int MaxCommentLength = 500;
    public const int MaxDetailLength = 500;
    public const int MaxNoteLength = 500;

    private static readonly Dictionary<string, ReportReason> Reasons = new(StringComparer.Ordinal)
    {
        ["spam"] = ReportReason.Spam,
        ["nudity"] = ReportReason.Nudity,
        ["violence"] = ReportReason.Violence,
        ["hate"] = ReportReason.Hate,
        ["copyright"] = ReportReason.Copyright,
        ["other"] = ReportReason.Other,
    };

    /// <summary>The optional <c>fingerprint</c> of a registration: exactly 16 hex digits (either case).</summary>
    public static ulong? Fingerprint(JsonElement root, ValidationErrors errors)
    {
        var text = JsonFields.String(root, "fingerprint", "", errors, required: false);
        if (text is null)
        {
            return null;
        }

        if (text.Length != FingerprintLength || !text.All(char.IsAsciiHexDigit)
            || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add("fingerprint", $"'fingerprint' must be {FingerprintLength} hexadecimal digits (a 64-bit perceptual hash).");
            return null;
        }

        return value;
    }

    public static ContentReport? Report(JsonElement root, ValidationErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }

        var userId = JsonFields.Id(root, "userId", "", errors);
        var reasonText = JsonFields.String(root, "reason", "", errors);
        ReportReason reason = default;
        if (reasonText is not null && !Reasons.TryGetValue(reasonText, out reason))
        {
            errors.Add("reason", $"'reason' must be one of {string.Join(", ", Reasons.Keys)}.");
        }

        var detail = Text(root, "detail", MaxDetailLength, errors, required: false);
        return errors.Any || userId is null || reasonText is null ? null : new ContentReport(userId, reason, detail);
    }

    public static CommentDraft? Comment(JsonElement root, string videoId, ValidationErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }

        var commentId = JsonFields.Id(root, "commentId", "", errors);
        var userId = JsonFields.Id(root, "userId", "", errors);
        var text = Text(root, "text", MaxCommentLength, errors, required: true);
        var parentId = JsonFields.Id(root, "parentId", "", errors, required: false);
        if (parentId is not null && parentId == commentId)
        {
            errors.Add("parentId", "A comment cannot reply to itself.");
        }

        return errors.Any || commentId is null || userId is null || text is null
            ? null
            : new CommentDraft(commentId, videoId, userId, text, parentId);
    }

    /// <summary>The optional <c>note</c> of a moderation decision.</summary>
    public static string? Note(JsonElement root, ValidationErrors errors) =>
        IsObject(root, errors) ? Text(root, "note", MaxNoteLength, errors, required: false) : null;

    /// <summary>Text shown to people, under the title rules: 1..max characters, printable (see <see cref="SafeText"/>).</summary>
    private static string? Text(JsonElement root, string name, int max, ValidationErrors errors, bool required)
    {
        var text = JsonFields.String(root, name, "", errors, required);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0 || text.Length > max || string.IsNullOrWhiteSpace(text))
        {
            errors.Add(name, $"'{name}' must be 1 to {max} characters, not only white space.");
            return null;
        }

        if (!SafeText.IsSafe(text))
        {
            errors.Add(name, $"'{name}' {SafeText.Rule}.");
            return null;
        }

        return text;
    }

    private static bool IsObject(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add("$", "The body must be a JSON object.");
        return false;
    }
}
