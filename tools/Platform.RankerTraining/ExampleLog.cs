using System.Globalization;
using Platform.Grains.Recommendation;

namespace Platform.RankerTraining;

/// <summary>
/// Reads feature logs: tab-separated label (0/1) then the <see cref="RankingFeatures"/> in order, as the
/// silo (<c>Platform:Ranking:FeatureLogPath</c>) and the evaluator (<c>--feature-log</c>) write them; the
/// silo's two trailing reason columns (kind, reference) are for debugging and not read.
/// </summary>
public static class ExampleLog
{
    public static List<RankingExample> Read(IEnumerable<string> paths)
    {
        var examples = new List<RankingExample>();
        foreach (var path in paths)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.Length == 0 || line.StartsWith("label", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts.Length != RankingFeatures.Count + 1 && parts.Length != RankingFeatures.Count + 3)
                {
                    throw new FormatException($"{path}:{lineNumber}: expected {RankingFeatures.Count + 1} or {RankingFeatures.Count + 3} columns, found {parts.Length}.");
                }

                var features = new float[RankingFeatures.Count];
                for (var i = 0; i < features.Length; i++)
                {
                    features[i] = float.Parse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                examples.Add(new RankingExample { Label = parts[0] == "1", Features = features });
            }
        }

        return examples;
    }
}
