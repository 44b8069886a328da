using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Platform.Api.Options;
using Platform.GrainInterfaces;
using Polly;
using Polly.Retry;

namespace Platform.Api.Services;

/// <summary>
/// Retries an idempotent cluster call that Orleans rejected because the activation it addressed was moving: a
/// silo stopping gracefully deactivates its grains, and a message forwarded to one of them can run out of
/// forwards ("Unable to create local activation") before the directory points at its new home, and a call sent to
/// the old home just as that silo exits fails with <see cref="SiloUnavailableException"/>; a user grain reports the
/// latter for its deliveries as an <see cref="OutboxDeliveryException"/> around it (its events are durable already).
/// Event batches are idempotent by event id (a retried batch finds its events known and delivers their outbox) and
/// feeds are reads, so the client should not see that; anything else, timeouts included, still fails.
/// </summary>
public sealed class ClusterCallRetry
{
    private readonly ResiliencePipeline _retries;
    private readonly TimeSpan _firstDelay;
    private readonly bool _enabled;

    public ClusterCallRetry(IOptions<ClusterRetryOptions> options)
    {
        var settings = options.Value;
        _enabled = settings.MaxRetries > 0;
        _firstDelay = settings.FirstDelay;

        // The first retry waits FirstDelay (in RunAsync); Polly runs the ones after it, each waiting twice as long.
        _retries = settings.MaxRetries <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetryable),
                MaxRetryAttempts = settings.MaxRetries - 1,
                Delay = settings.FirstDelay * 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
    }

    /// <summary>
    /// Runs <paramref name="call"/> on <paramref name="state"/>, again when Orleans rejected it (no closure per call). The first
    /// attempt runs outside Polly: the common case, a call that succeeds, costs no pipeline (it was 5% of the event path's
    /// allocations).
    /// </summary>
    public async Task<T> RunAsync<TState, T>(Func<TState, Task<T>> call, TState state, CancellationToken cancellationToken)
    {
        try
        {
            return await call(state);
        }
        catch (Exception exception) when (_enabled && IsRetryable(exception))
        {
            // Moving activations: retried below.
        }

        await Task.Delay(_firstDelay, cancellationToken);
        return await _retries.ExecuteAsync(static async (context, _) => await context.call(context.state), (call, state), cancellationToken);
    }

    /// <summary>Orleans rejected the call, or a user grain's delivery behind it (see the class summary).</summary>
    private static bool IsRetryable(Exception exception) =>
        exception is OrleansMessageRejectionException or OutboxDeliveryException { InnerException: OrleansMessageRejectionException };
}
