namespace Platform.Grains.Options;

/// <summary>Content review, reports and comments. Section <c>Platform:Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Platform:Moderation";

    /// <summary>Every new video starts in review and waits for an operator's approval. Default false.</summary>
    public bool PreReview { get; set; }

    /// <summary>
    /// Distinct users whose reports send a published video to review (counted since its last review). Default 5.
    /// </summary>
    public int ReportThreshold { get; set; } = 5;

    /// <summary>Reports one user may file in a burst. Default 10.</summary>
    public int ReportBurst { get; set; } = 10;

    /// <summary>How often a user's report allowance grows by one, up to <see cref="ReportBurst"/>. Default 6 s (10 a minute).</summary>
    public TimeSpan ReportRefillInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Hamming distance (bits of the 64-bit fingerprint) within which a video of another creator counts as a
    /// possible duplicate: 0..6, the range the 7-block multi-index hash searches exactly. Default 6.
    /// </summary>
    public int DuplicateDistance { get; set; } = 6;

    /// <summary>
    /// Comments per storage page of a video's thread: the thread holds the newest page and
    /// <see cref="CachedCommentPages"/> older ones in memory, and reads the rest from storage. Default 100.
    /// </summary>
    public int CommentPageSize { get; set; } = 100;

    /// <summary>Older comment pages a thread keeps in memory (the most recently used). Default 4.</summary>
    public int CachedCommentPages { get; set; } = 4;
}
