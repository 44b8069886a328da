using System.Globalization;

namespace Platform.Evaluation;

/// <summary>
/// Reads MovieLens rating logs: <c>u.data</c> (tab separated user, item, rating, unix time) and
/// <c>ratings.csv</c> (header <c>userId,movieId,rating,timestamp</c>).
/// </summary>
public static class RatingsReader
{
    public static List<Rating> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static List<Rating> Read(TextReader reader)
    {
        var ratings = new List<Rating>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (lineNumber == 1 && line.StartsWith("userId", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = line.Split(line.Contains('\t') ? '\t' : line.Contains(',') ? ',' : ':', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            {
                throw new FormatException($"Line {lineNumber} is not 'user, item, rating, timestamp': {line}");
            }

            ratings.Add(new Rating(parts[0], parts[1], value, timestamp));
        }

        return ratings;
    }
}
