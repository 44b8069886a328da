using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Validation;

/// <summary>The <c>count</c> query parameter of a listing: plain ASCII digits within bounds, or the default.</summary>
public static class QueryCount
{
    public static int Parse(HttpRequest request, int defaultCount, int maxCount, ValidationErrors errors)
    {
        var values = request.Query["count"];
        if (values.Count == 0)
        {
            return defaultCount;
        }

        var text = values[0];
        if (values.Count == 1 && !string.IsNullOrEmpty(text) && text.Length <= 6 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maxCount)
        {
            return count;
        }

        errors.Add("count", $"'count' must be an integer from 1 to {maxCount}.");
        return defaultCount;
    }
}
