using System.Globalization;

namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>
/// One silo's live grain activations by grain type, read from Orleans' own <c>orleans_catalog_activations</c> on its
/// <c>/metrics</c> (system targets, <c>sys.*</c>, left out).
/// </summary>
public sealed record ActivationCounts(IReadOnlyDictionary<string, long> ByType)
{
    /// <summary>Users and videos: the grains a silo holds by the thousand, the ones a joining silo must take its share of.</summary>
    public long UsersAndVideos => ByType.GetValueOrDefault("user") + ByType.GetValueOrDefault("video");

    public long Total => ByType.Values.Sum();

    public static async Task<ActivationCounts> ReadAsync(SiloProcess silo)
    {
        var text = await silo.Http.GetStringAsync("/metrics");
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (labels, value) in PrometheusText.Series(text, "orleans_catalog_activations"))
        {
            const string Key = "grain_type=\"";
            var start = labels.IndexOf(Key, StringComparison.Ordinal);
            var type = start < 0 ? "" : labels[(start + Key.Length)..labels.IndexOf('"', start + Key.Length)];
            if (!type.StartsWith("sys.", StringComparison.Ordinal))
            {
                byType[type] = byType.GetValueOrDefault(type) + (long)value;
            }
        }

        return new ActivationCounts(byType);
    }

    /// <summary>"users+videos (all)", for the test's output.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UsersAndVideos} ({Total})");
}
