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

        return value.GetString();
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

    /// <summary>An optional ISO-8601 timestamp with an explicit offset or Z, read as UTC.</summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name, string path, ValidationErrors errors)
    {
        var text = String(obj, name, path, errors, required: false);
        if (text is null)
        {
            return null;
        }

        if (text.Length > 40 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            errors.Add(Join(path, name), $"'{name}' must be an ISO-8601 timestamp.");
            return null;
        }

        return at.ToUniversalTime();
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
