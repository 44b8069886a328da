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
    private readonly ResiliencePipeline _pipeline;

    public ClusterCallRetry(IOptions<ClusterRetryOptions> options)
    {
        var settings = options.Value;
        _pipeline = settings.MaxRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<OrleansMessageRejectionException>()
                    .Handle<OutboxDeliveryException>(e => e.InnerException is OrleansMessageRejectionException),
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
    }

    /// <summary>Runs <paramref name="call"/> on <paramref name="state"/>, again when Orleans rejected it (no closure per call).</summary>
    public Task<T> RunAsync<TState, T>(Func<TState, Task<T>> call, TState state, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(static async (context, _) => await context.call(context.state), (call, state), cancellationToken).AsTask();
}
