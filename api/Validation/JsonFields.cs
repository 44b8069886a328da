using System.Globalization;
using System.Text.Json;

namespace Platform.Api.Validation;

/// <summary>Typed reads of JSON object fields that record a validation error instead of throwing.</summary>
public static class JsonFields
{
    public static string? Id(JsonElement obj, string name, string path, ValidationErrors errors, bool required = true)
    {
        var value = String(obj, name, path, errors, required);
        if (value is not null && !Ids.IsValid(value))
        {
            errors.Add(Join(path, name), $"'{name}' {Ids.Rule}.");
            return null;
        }

        return value;
    }

    public static string? String(JsonElement obj, string name, string path, ValidationErrors errors, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(Join(path, name), $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Join(path, name), $"'{name}' must be a string.");
            return null;
        }

        if (!TryGetText(value, out var text))
        {
            errors.Add(Join(path, name), $"'{name}' must be valid Unicode text.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// The string's text, or false when it holds invalid UTF-8 or an unpaired surrogate escape (<c>"\ud800"</c>),
    /// which the parser accepts but cannot turn into a .NET string.
    /// </summary>
    public static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>An integer in [min, max]; null (with an error when required) otherwise.</summary>
    public static long? Integer(JsonElement obj, string name, string path, ValidationErrors errors, long min, long max, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(Join(path, name), $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(Join(path, name), $"'{name}' must be an integer from {min} to {max}.");
            return null;
        }

        return number;
    }

    /// <summary>
    /// An optional ISO-8601 timestamp, <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c> with an explicit <c>Z</c> or offset, read as
    /// UTC. Only that form: a lenient parse would accept locale formats and ignore trailing junk such as NUL.
    /// </summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name, string path, ValidationErrors errors)
    {
        var text = String(obj, name, path, errors, required: false);
        if (text is null)
        {
            return null;
        }

        if (text.Length > 40 || !HasExplicitOffset(text)
            || !DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(Join(path, name), $"'{name}' must be an ISO-8601 timestamp with Z or an offset, e.g. 2026-11-22T10:00:00Z.");
            return null;
        }

        return at.ToUniversalTime();
    }

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
