using Platform.GrainInterfaces;

namespace Platform.Grains.Content;

/// <summary>The comments a user wrote. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.UserCommentsState")]
public sealed class UserCommentsState
{
    [Id(0)] public List<AuthoredComment> Comments { get; set; } = [];
}
