namespace Platform.GrainInterfaces;

/// <summary>
/// The reports of one video (keyed by video id): one per user, and the automatic move to review once
/// <c>Platform:Moderation:ReportThreshold</c> distinct users have reported it since it was last reviewed.
/// </summary>
public interface IVideoReportsGrain : IGrainWithStringKey
{
    /// <summary>Records a report (once per user). Returns once durable and, at the threshold, once the video is in review.</summary>
    Task<ReportOutcome> ReportAsync(ContentReport report);

    /// <summary>Distinct users who have reported the video.</summary>
    Task<int> GetCountAsync();
}
