namespace Platform.Grains.Options;

/// <summary>Creator analytics: time series, retention and impressions. Section <c>Platform:Analytics</c>.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Platform:Analytics";

    /// <summary>
    /// Whether videos and creators keep time series and audience analytics. Off, the event path does exactly
    /// what it did before analytics (the benchmark's baseline); what was recorded stays. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each silo sends the videos the feed impressions it counted: 0.1 s to 1 minute. Default 1 s.</summary>
    public TimeSpan ImpressionFlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
