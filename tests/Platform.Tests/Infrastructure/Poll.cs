using System.Diagnostics;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// Waits for a condition instead of sleeping for a guessed time: checks it every <c>interval</c> (50 ms unless
/// told) and fails with <see cref="TimeoutException"/>, naming what was awaited, once <c>timeout</c> (10 s unless
/// told) has passed. A probe that throws fails the wait at once with its own exception.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout, interval);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        await UntilAsync(condition, done => done, what, timeout, interval);

    /// <summary>Probes until <paramref name="done"/> accepts the value, and returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what} (last seen: {value}).");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }
}
