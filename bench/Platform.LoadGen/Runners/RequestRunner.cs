using System.Diagnostics;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>Runs one scenario request, turning transport failures and timeouts into failed outcomes.</summary>
public static class RequestRunner
{
    private const int FailuresShown = 3;
    private static int _failures;

    public static async Task<Outcome> RunAsync(IScenario scenario, HttpClient http)
    {
        try
        {
            return await scenario.RunAsync(http, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The first few are printed with their cause: a count alone cannot tell a timeout from a reset connection.
            if (Interlocked.Increment(ref _failures) <= FailuresShown)
            {
                Console.WriteLine($"transport failure: {e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
            }

            return new Outcome(false, 0, 0);
        }
    }

    public static long MicrosSince(long timestamp) =>
        (long)(Stopwatch.GetElapsedTime(timestamp).TotalMicroseconds);
}
