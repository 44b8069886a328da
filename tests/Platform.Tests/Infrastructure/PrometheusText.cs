using System.Globalization;

namespace Platform.Tests.Infrastructure;

/// <summary>Reads the samples of one metric out of a Prometheus text exposition (what <c>/metrics</c> answers).</summary>
public static class PrometheusText
{
    /// <summary>
    /// Every sample of exactly <paramref name="name"/> (not of longer names it prefixes): its label text (between the
    /// braces, empty without labels) and its value.
    /// </summary>
    public static IEnumerable<(string Labels, double Value)> Series(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[name.Length] == '{' ? line.LastIndexOf('}') : name.Length - 1;
            var labels = labelsEnd > name.Length ? line[(name.Length + 1)..labelsEnd] : "";
            var value = line[(labelsEnd + 1)..].Trim().Split(' ')[0];
            yield return (labels, double.Parse(value, CultureInfo.InvariantCulture));
        }
    }
}
