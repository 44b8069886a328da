namespace Platform.GrainInterfaces;

/// <summary>The outcome of creating a campaign.</summary>
public enum CampaignCreateResult
{
    /// <summary>New: the campaign is running.</summary>
    Created,

    /// <summary>The same campaign was already created with the same body.</summary>
    Existing,

    /// <summary>The id is taken by a campaign with another body.</summary>
    Conflict,

    /// <summary>The ad video is not registered or not published.</summary>
    VideoNotPublished,
}
