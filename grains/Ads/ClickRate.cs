namespace Platform.Grains.Ads;

/// <summary>A campaign's predicted click rate: the mean of its Beta posterior, a prior updated by its own impressions and clicks.</summary>
public static class ClickRate
{
    /// <summary>(clicks + a) / (impressions + n) for a Beta(a, n - a) prior; a new campaign gets a / n.</summary>
    public static double Predict(long clicks, long impressions, double priorClicks, double priorImpressions) =>
        (Math.Max(0, clicks) + priorClicks) / (Math.Max(Math.Max(0, impressions), clicks) + priorImpressions);
}
