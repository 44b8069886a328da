namespace Platform.GrainInterfaces;

/// <summary>A user's privacy settings (shared/API.md "Identity and privacy").</summary>
/// <param name="Personalization">
/// True (the default): feeds are ranked by what the user did. False: feeds use only non-personal sources (trending,
/// fresh, explore, following) and the user's events count but train nothing about the user.
/// </param>
[GenerateSerializer, Immutable, Alias("Platform.UserSettings")]
public sealed record UserSettings([property: Id(0)] bool Personalization = true)
{
    /// <summary>The settings of a user who never chose any.</summary>
    public static UserSettings Default { get; } = new();
}
