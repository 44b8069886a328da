namespace Platform.Grains.Storage;

/// <summary>
/// Group commit for one grain's state: callers that changed the state await <see cref="CommitAsync"/>;
/// one write runs at a time, and every caller that arrives while it runs shares the next one. A grain
/// that interleaves requests thus writes once per round of concurrent requests, not once per request.
/// Runs on the grain's scheduler (no locks needed); a failed write fails every caller waiting on it.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private bool _writing;
    private TaskCompletionSource? _next;

    /// <summary>
    /// Whether a write is running: a request that changed nothing may still need to wait for it, when
    /// what it relies on (the first copy of a resent request) is not durable yet.
    /// </summary>
    public bool Writing => _writing;

    /// <summary>Completes once a write that started after this call has succeeded.</summary>
    public Task CommitAsync()
    {
        if (!_writing)
        {
            _writing = true;
            return RunAsync(null);
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    private async Task RunAsync(TaskCompletionSource? waiters)
    {
        try
        {
            await write();
            waiters?.TrySetResult();
        }
        catch (Exception ex) when (waiters is not null)
        {
            waiters.TrySetException(ex);
        }
        finally
        {
            if (_next is { } next)
            {
                _next = null;
                _ = RunAsync(next);
            }
            else
            {
                _writing = false;
            }
        }
    }
}
