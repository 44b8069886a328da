using System.Diagnostics;
using Platform.LoadGen.Scenarios;

namespace Platform.LoadGen.Runners;

/// <summary>Runs one scenario request, turning transport failures and timeouts into failed outcomes.</summary>
public static class RequestRunner
{
    public static async Task<Outcome> RunAsync(IScenario scenario, HttpClient http)
    {
        try
        {
            return await scenario.RunAsync(http, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Outcome(false, 0, 0);
        }
    }

    public static long MicrosSince(long timestamp) =>
        (long)(Stopwatch.GetElapsedTime(timestamp).TotalMicroseconds);
}
