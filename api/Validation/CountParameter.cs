using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Validation;

/// <summary>The <c>count</c> query parameter of list routes: absent (the default) or one integer in a range.</summary>
public static class CountParameter
{
    /// <summary>The count, or null (with the error added) when the parameter breaks the rule.</summary>
    public static int? Read(HttpRequest request, int defaultCount, int max, ValidationErrors errors)
    {
        var values = request.Query["count"];
        if (values.Count == 0)
        {
            return defaultCount;
        }

        if (values.Count == 1 && TryParse(values[0], out var count) && count >= 1 && count <= max)
        {
            return count;
        }

        errors.Add("count", $"'count' must be an integer from 1 to {max}.");
        return null;
    }

    /// <summary>Plain ASCII digits only (int.TryParse would also take signs, white space and trailing NULs).</summary>
    private static bool TryParse(string? text, out int count)
    {
        count = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 3)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
