namespace Platform.GrainInterfaces;

/// <summary>
/// The videos waiting for an operator, oldest first. One grain (key 0): review is an operator's job, so the
/// queue holds thousands of videos, not millions. Videos add and remove themselves as their state changes.
/// </summary>
public interface IModerationQueueGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a video in review. Returns once durable.</summary>
    Task EnterAsync(ModerationItem item);

    /// <summary>Removes a video that left review, if queued. Returns once durable.</summary>
    Task LeaveAsync(string videoId);

    /// <summary>The oldest <paramref name="count"/> videos in review.</summary>
    Task<ModerationItem[]> ListAsync(int count);
}
