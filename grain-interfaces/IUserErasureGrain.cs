namespace Platform.GrainInterfaces;

/// <summary>
/// Erases a user: runs every registered erasure step (the user's grain state, and whatever other features keep)
/// from a durable record, so a crash mid-way is finished by the next request or by a reminder. Keyed by user id.
/// </summary>
public interface IUserErasureGrain : IGrainWithStringKey
{
    /// <summary>Records the erasure durably, then runs the steps not yet done; idempotent.</summary>
    Task<ErasureStatus> EraseAsync();
}
