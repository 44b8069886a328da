using Platform.GrainInterfaces;

namespace Platform.Grains.Recommendation;

/// <summary>
/// What a user did with one video, as a feed reason may name it (the strongest engagement that still
/// stands: share, like, comment, view) and the video's title. Ids are never renumbered.
/// </summary>
[GenerateSerializer, Alias("Platform.EngagedVideo")]
public sealed class EngagedVideo
{
    [Id(0)] public string Title { get; set; } = "";

    /// <summary>True while the user likes the video (an unlike takes it back).</summary>
    [Id(1)] public bool Liked { get; set; }

    [Id(2)] public bool Viewed { get; set; }

    [Id(3)] public bool Shared { get; set; }

    [Id(4)] public bool Commented { get; set; }

    /// <summary>The verb a reason uses: "shared", "liked", "commented on" or "watched"; null when nothing stands.</summary>
    public string? Verb => Shared ? "shared" : Liked ? "liked" : Commented ? "commented on" : Viewed ? "watched" : null;

    /// <summary>Records one applied engagement; true when the video now stands for something the user did.</summary>
    public bool Apply(EngagementType type)
    {
        switch (type)
        {
            case EngagementType.Like:
                Liked = true;
                break;
            case EngagementType.Unlike:
                Liked = false;
                break;
            case EngagementType.Share:
                Shared = true;
                break;
            case EngagementType.Comment:
                Commented = true;
                break;
            case EngagementType.View:
                Viewed = true;
                break;
        }

        return Verb is not null;
    }
}
