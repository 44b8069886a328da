using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>One variant's running totals in an experiment's state, indexed by <see cref="ExperimentMetric"/>. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VariantTotals")]
public sealed class VariantTotals
{
    private static readonly int Metrics = Enum.GetValues<ExperimentMetric>().Length;

    [Id(0)] public long[] Counts { get; set; } = new long[Metrics];

    public long this[ExperimentMetric metric] => (int)metric < Counts.Length ? Counts[(int)metric] : 0;

    public void Add(VariantCounts c)
    {
        if (Counts.Length < Metrics)
        {
            var grown = new long[Metrics];
            Counts.CopyTo(grown, 0);
            Counts = grown;
        }

        for (var i = 0; i < Math.Min(c.Counts.Length, Counts.Length); i++)
        {
            Counts[i] += c.Counts[i];
        }
    }
}
