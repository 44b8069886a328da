namespace Platform.GrainInterfaces;

/// <summary>What posting a comment did.</summary>
public enum CommentPostStatus
{
    Created,

    /// <summary>The same comment again (same id, video, author, text and parent): nothing changed.</summary>
    AlreadyPosted,

    /// <summary>The id is taken by another comment (under another video, or with other content).</summary>
    Conflict,

    UnknownVideo,

    /// <summary>The video is not published: it takes no comments.</summary>
    NotPublished,

    /// <summary>The parent is not a comment of this video.</summary>
    UnknownParent,
}
