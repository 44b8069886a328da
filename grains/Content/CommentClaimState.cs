using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>A comment id's owner. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.CommentClaimState")]
public sealed class CommentClaimState
{
    /// <summary>The comment that took the id; null while the id is free.</summary>
    [Id(0)] public CommentClaim? Claim { get; set; }
}
