namespace Platform.Grains.Experiments;

/// <summary>
/// The experiments a user was already counted in (as one of a variant's users), kept apart from the
/// user's main state so it is written only the first time the user is served in an experiment. Ids are
/// never renumbered.
/// </summary>
[GenerateSerializer, Alias("Platform.UserExperimentsState")]
public sealed class UserExperimentsState
{
    [Id(0)] public HashSet<string> Counted { get; set; } = new(StringComparer.Ordinal);
}
