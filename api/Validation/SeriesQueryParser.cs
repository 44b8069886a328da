using System.Globalization;
using Microsoft.AspNetCore.Http;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>
/// The query of a <c>/timeseries</c> request: <c>metric</c> (default views), <c>resolution</c> (default minute),
/// <c>from</c> and <c>to</c> (ISO-8601 with an offset; default: the last hour, 48 hours or 30 days up to now,
/// by resolution) and <c>format</c> (<c>json</c>, the default, or <c>csv</c>).
/// </summary>
public static class SeriesQueryParser
{
    /// <summary>The metric names of the contract, by <see cref="SeriesMetric"/> number.</summary>
    public static readonly string[] MetricNames = ["views", "likes", "shares", "comments", "skips", "watchMs", "followers", "tipsCents"];

    /// <summary>The resolution names of the contract, by <see cref="SeriesResolution"/> number.</summary>
    public static readonly string[] ResolutionNames = ["minute", "hour", "day"];

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>The query and whether CSV was asked for; null with <paramref name="errors"/> filled when it is bad.</summary>
    public static (SeriesQuery? Query, bool Csv) Parse(HttpRequest request, bool creator, DateTimeOffset now, ValidationErrors errors)
    {
        var metric = Choice(request, "metric", MetricNames, (int)SeriesMetric.Views, errors);
        if (!creator && metric >= (int)SeriesMetric.Followers)
        {
            errors.Add("metric", $"'metric' {MetricNames[metric]} is a creator's metric; a video has {string.Join(", ", MetricNames[..(int)SeriesMetric.Followers])}.");
        }

        var resolution = (SeriesResolution)Choice(request, "resolution", ResolutionNames, (int)SeriesResolution.Minute, errors);
        var csv = Choice(request, "format", ["json", "csv"], 0, errors) == 1;
        var to = Timestamp(request, "to", errors) ?? now;
        var from = Timestamp(request, "from", errors) ?? to - DefaultSpan(resolution);
        if (!errors.Any && from >= to)
        {
            errors.Add("from", "'from' must be before 'to'.");
        }

        return errors.Any ? (null, csv) : (new SeriesQuery((SeriesMetric)metric, resolution, from, to), csv);
    }

    /// <summary>The window when none is given: the last hour by minute, 48 hours by hour, 30 days by day.</summary>
    public static TimeSpan DefaultSpan(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Minute => TimeSpan.FromHours(1),
        SeriesResolution.Hour => TimeSpan.FromHours(48),
        _ => TimeSpan.FromDays(30),
    };

    private static int Choice(HttpRequest request, string name, string[] names, int defaultValue, ValidationErrors errors)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return defaultValue;
        }

        var index = values.Count == 1 ? Array.IndexOf(names, values[0]) : -1;
        if (index < 0)
        {
            errors.Add(name, $"'{name}' must be one of {string.Join(", ", names)}.");
            return defaultValue;
        }

        return index;
    }

    private static DateTimeOffset? Timestamp(HttpRequest request, string name, ValidationErrors errors)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        var text = values[0];
        if (values.Count == 1 && text is { Length: > 0 and <= 40 } && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
            && DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at.ToUniversalTime();
        }

        errors.Add(name, $"'{name}' must be an ISO-8601 timestamp with Z or an offset, e.g. 2026-11-22T10:00:00Z.");
        return null;
    }
}
