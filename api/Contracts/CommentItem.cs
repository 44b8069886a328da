using System.Text.Json.Serialization;
using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A comment as the API shows it; <see cref="UserId"/> is null and <see cref="AuthorDeleted"/> true once the author's account was erased.</summary>
public sealed record CommentItem(
    string CommentId,
    string? UserId,
    string Text,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentId,
    int Replies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AuthorDeleted)
{
    public static CommentItem From(Comment c) => new(c.CommentId, c.UserId, c.Text, c.At, c.ParentId, c.Replies, c.UserId is null);
}
