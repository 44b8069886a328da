namespace Platform.GrainInterfaces;

/// <summary>The width of a time series' buckets; each is kept for its own span (see grains/Analytics/SeriesResolutions).</summary>
public enum SeriesResolution
{
    /// <summary>One-minute buckets, kept 48 hours.</summary>
    Minute = 0,

    /// <summary>One-hour buckets, kept 90 days.</summary>
    Hour = 1,

    /// <summary>One-day buckets (UTC days), kept 2 years.</summary>
    Day = 2,
}
