namespace Platform.Grains.Content;

/// <summary>A video's reports. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VideoReportsState")]
public sealed class VideoReportsState
{
    /// <summary>Every user who has reported the video (one report each counts).</summary>
    [Id(0)] public HashSet<string> Reporters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Distinct reporters of the published video since it last went to review for reports.</summary>
    [Id(1)] public int SinceReview { get; set; }

    /// <summary>The threshold was reached but the move to review is not yet known to be done.</summary>
    [Id(2)] public bool ReviewOwed { get; set; }

    /// <summary>Reports by reason (the <c>ReportReason</c> number).</summary>
    [Id(3)] public Dictionary<int, int> ByReason { get; set; } = [];
}
