namespace Platform.Silo.Options;

/// <summary>
/// When the silo deactivates idle grains (Orleans' activation collector), so that users, videos and
/// creators nobody touches stop holding memory. Section <c>Platform:Activations</c>.
/// </summary>
/// <remarks>
/// A deactivated grain writes what it has not written yet and reloads from storage on its next call, so
/// these settings trade memory for reloads, never correctness. Orleans' own default idle age is 15 minutes;
/// the platform uses 5: a feed session touches a user every few seconds, so a user idle for 5 minutes has
/// left, and a run that keeps meeting new users then holds at most about 5 minutes' worth of them.
/// </remarks>
public sealed class ActivationCollectionOptions
{
    public const string Section = "Platform:Activations";

    /// <summary>How long a grain stays activated without receiving a call. Default 5 minutes; must be longer than <see cref="CollectionInterval"/>.</summary>
    public TimeSpan IdleAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the silo looks for idle grains (a grain goes at the first check past its idle age). Default 1 minute.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);
}
