using Platform.GrainInterfaces;

namespace Platform.Grains.Analytics;

/// <summary>Builds the points of a window from bucket values.</summary>
public static class SeriesPoints
{
    /// <summary>One point per value: value i is bucket <paramref name="first"/> + i.</summary>
    public static SeriesPoint[] Dense(SeriesResolution resolution, long first, ReadOnlySpan<long> values)
    {
        var points = new SeriesPoint[values.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new SeriesPoint(SeriesResolutions.StartOf(resolution, first + i), values[i]);
        }

        return points;
    }
}
