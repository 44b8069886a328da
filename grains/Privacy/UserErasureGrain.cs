using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.GrainInterfaces;
using Platform.Grains.Options;
using Platform.Grains.Storage;

namespace Platform.Grains.Privacy;

/// <summary>
/// Runs a user's erasure from a durable record: the record is written (and a reminder registered) before any step
/// runs, each step done is recorded, and the record and reminder are removed once all are done. A crash or a failed
/// step leaves the record: the next DELETE, or the reminder after the silo restarts, runs the remaining steps.
/// </summary>
public sealed partial class UserErasureGrain(
    [PersistentState(StorageNames.UserErasureState, StorageNames.Provider)] IPersistentState<UserErasureState> state,
    IEnumerable<IUserErasureStep> steps,
    ILogger<UserErasureGrain> logger,
    IOptions<PrivacyOptions> options,
    TimeProvider time) : Grain, IUserErasureGrain, IRemindable
{
    private const string Reminder = "erasure";

    private readonly IUserErasureStep[] _steps = [.. steps];

    public async Task<ErasureStatus> EraseAsync()
    {
        if (!state.RecordExists)
        {
            state.State = new UserErasureState { RequestedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
            var period = options.Value.ErasureRetryPeriod;
            await this.RegisterOrUpdateReminder(Reminder, period, period);
        }

        return await RunAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder)
        {
            return;
        }

        if (state.RecordExists)
        {
            await RunAsync();
        }
        else if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<ErasureStatus> RunAsync()
    {
        var userId = this.GetPrimaryKeyString();
        foreach (var step in _steps)
        {
            if (state.State.Done.Contains(step.Name))
            {
                continue;
            }

            try
            {
                await step.EraseAsync(userId, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogStepFailed(logger, ex, step.Name, userId);
                return new ErasureStatus(userId, false, Remaining());
            }

            state.State.Done.Add(step.Name);
            await state.WriteStateAsync();
        }

        await state.ClearStateAsync();
        if (await this.GetReminder(Reminder) is { } done)
        {
            await this.UnregisterReminder(done);
        }

        DeactivateOnIdle();
        return new ErasureStatus(userId, true, []);
    }

    private string[] Remaining() => [.. _steps.Select(s => s.Name).Where(n => !state.State.Done.Contains(n))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure step {Step} failed for user {UserId}; it runs again on the next request or reminder")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string step, string userId);
}
