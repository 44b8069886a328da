using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>One full page of a comment thread, stored as its own record. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CommentThreadPage")]
public sealed class CommentThreadPage
{
    [Id(0)] public List<Comment> Comments { get; set; } = [];
}
