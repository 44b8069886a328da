namespace Platform.Grains.Privacy;

/// <summary>
/// One part of erasing a user: a feature that keeps something about users registers a step with
/// <see cref="UserErasureStepExtensions.AddUserErasureStep{T}"/> (e.g. the wallet journal, comments anonymized).
/// <see cref="UserErasureGrain"/> runs the steps in registration order and records each one done, so a step that
/// fails (or a crash) is run again later: every step must be idempotent, and must succeed for a user it never saw.
/// Steps run in the silo, as singletons.
/// </summary>
public interface IUserErasureStep
{
    /// <summary>A stable name, recorded when the step is done; never rename a registered step.</summary>
    string Name { get; }

    /// <summary>Removes (or anonymizes) what this feature holds about <paramref name="userId"/>; throws to be retried.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
