using System.Globalization;

namespace Platform.AnalyticsBench;

/// <summary>Command-line options (<c>--name value</c>); every one has a default.</summary>
public sealed class AnalyticsBenchOptions
{
    /// <summary>Measured seconds per round and mode. Default 10.</summary>
    public int Seconds { get; private set; } = 10;

    /// <summary>Unmeasured warm-up seconds before each measurement. Default 3.</summary>
    public int WarmupSeconds { get; private set; } = 3;

    /// <summary>Ingest requests in flight. Default 16.</summary>
    public int Concurrency { get; private set; } = 16;

    /// <summary>Users the events come from. Default 5,000.</summary>
    public int Users { get; private set; } = 5_000;

    /// <summary>Videos the events are spread over (of 50 creators). Default 500.</summary>
    public int Videos { get; private set; } = 500;

    /// <summary>Events per ingest request (all of one user). Default 20.</summary>
    public int Batch { get; private set; } = 20;

    /// <summary>Event times are spread over this many minutes before now. Default 120.</summary>
    public int SpreadMinutes { get; private set; } = 120;

    /// <summary>Rounds of (off, on), alternating; the table gives the median round. Default 3.</summary>
    public int Rounds { get; private set; } = 3;

    public static AnalyticsBenchOptions Parse(string[] args)
    {
        var options = new AnalyticsBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": options.Seconds = value; break;
                case "--warmup": options.WarmupSeconds = value; break;
                case "--concurrency": options.Concurrency = value; break;
                case "--users": options.Users = value; break;
                case "--videos": options.Videos = value; break;
                case "--batch": options.Batch = value; break;
                case "--spread-minutes": options.SpreadMinutes = value; break;
                case "--rounds": options.Rounds = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return options;
    }
}
