namespace Platform.GrainInterfaces;

/// <summary>A posted comment, as its video's thread keeps it.</summary>
/// <param name="Sequence">Its position in the thread (0 first), which places it in a storage page.</param>
/// <param name="UserId">The author; null once the author's account was erased.</param>
/// <param name="Replies">Replies posted to it.</param>
/// <param name="Hidden">An operator hid it: it is left out of every listing.</param>
[GenerateSerializer, Immutable, Alias("Platform.Comment")]
public sealed record Comment(
    [property: Id(0)] string CommentId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string? UserId,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? ParentId,
    [property: Id(6)] int Replies,
    [property: Id(7)] bool Hidden);
