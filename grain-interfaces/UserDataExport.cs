namespace Platform.GrainInterfaces;

/// <summary>Everything a user's grain holds about the user, for the export (empty lists for a user with no state).</summary>
/// <param name="Views">Views counted for the user.</param>
/// <param name="Likes">Likes in force.</param>
/// <param name="Shares">Shares.</param>
/// <param name="Comments">Comment engagements.</param>
/// <param name="WatchMs">Total watch time.</param>
/// <param name="Following">Followed creators, oldest first.</param>
/// <param name="Liked">Videos the user currently likes.</param>
/// <param name="Viewed">Videos viewed or skipped (the bounded history that keeps them out of feeds).</param>
/// <param name="Engaged">Videos recently engaged with (co-engagement anchors).</param>
/// <param name="RecentCreators">Creators of recently engaged videos, with repeats (creator affinity).</param>
/// <param name="Served">Videos served in recent feeds.</param>
/// <param name="Embedding">The learned long-term taste vector; empty when nothing was learned.</param>
/// <param name="Interest">The short-term interest vector; empty when nothing was learned.</param>
/// <param name="Settings">The privacy settings.</param>
/// <param name="PendingDeliveries">Accepted events not yet delivered to their videos and creators.</param>
[GenerateSerializer, Immutable, Alias("Platform.UserDataExport")]
public sealed record UserDataExport(
    [property: Id(0)] long Views,
    [property: Id(1)] long Likes,
    [property: Id(2)] long Shares,
    [property: Id(3)] long Comments,
    [property: Id(4)] long WatchMs,
    [property: Id(5)] string[] Following,
    [property: Id(6)] string[] Liked,
    [property: Id(7)] string[] Viewed,
    [property: Id(8)] string[] Engaged,
    [property: Id(9)] string[] RecentCreators,
    [property: Id(10)] string[] Served,
    [property: Id(11)] float[] Embedding,
    [property: Id(12)] float[] Interest,
    [property: Id(13)] UserSettings Settings,
    [property: Id(14)] int PendingDeliveries);
