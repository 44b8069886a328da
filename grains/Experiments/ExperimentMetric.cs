namespace Platform.Grains.Experiments;

/// <summary>What an experiment counts per variant; the values index <see cref="ExperimentCounter"/>'s slots.</summary>
public enum ExperimentMetric
{
    Users,
    Impressions,
    Views,
    Completions,
    Likes,
    Shares,
    Skips,
    Comments,
}
