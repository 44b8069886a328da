namespace Platform.Grains.Options;

/// <summary>How experiments reach feeds and how their numbers are gathered. Section <c>Platform:Experiments</c>.</summary>
public sealed class ExperimentOptions
{
    public const string Section = "Platform:Experiments";

    /// <summary>How often each silo reloads the list of running experiments (a new or stopped one reaches feeds within this). Default 2 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each silo sends its gathered per-variant counts to the experiments. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an impression remembers its variants for attributing the user's events on that video. Default 1 h.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most impressions one user remembers for attribution (the oldest are forgotten first). Default 1000.</summary>
    public int MaxImpressionsPerUser { get; set; } = 1000;

    /// <summary>How long an experiment keeps the flush mark of a silo process that stopped sending. Default 1 h.</summary>
    public TimeSpan SenderMarkRetention { get; set; } = TimeSpan.FromHours(1);
}
