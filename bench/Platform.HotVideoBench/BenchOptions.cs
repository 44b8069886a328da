using System.Globalization;

namespace Platform.HotVideoBench;

/// <summary>Command-line settings; each one documents its default.</summary>
public sealed class BenchOptions
{
    /// <summary>The gateway to load (<c>--url</c>). Default http://127.0.0.1:5080.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1:5080");

    /// <summary>How long each scenario runs, after its warm-up (<c>--seconds</c>). Default 20.</summary>
    public int Seconds { get; private set; } = 20;

    /// <summary>Warm-up before measuring, per scenario (<c>--warmup</c>). Default 5 s.</summary>
    public int WarmupSeconds { get; private set; } = 5;

    /// <summary>Requests in flight at once (<c>--concurrency</c>). Default 16.</summary>
    public int Concurrency { get; private set; } = 16;

    /// <summary>Events per POST /v1/events request (<c>--batch</c>). Default 100.</summary>
    public int Batch { get; private set; } = 100;

    /// <summary>Videos the spread scenario picks from uniformly (<c>--videos</c>). Default 1000.</summary>
    public int Videos { get; private set; } = 1000;

    /// <summary>Distinct users the events come from (<c>--users</c>). Default 100000.</summary>
    public int Users { get; private set; } = 100_000;

    /// <summary>Which scenarios to run (<c>--scenario hot|spread|both</c>). Default both.</summary>
    public string Scenario { get; private set; } = "both";

    /// <summary>
    /// The server's process id on this machine (<c>--server-pid</c>), to report events per server CPU-second,
    /// a figure less sensitive than events/s to other load on the machine. Default none.
    /// </summary>
    public int? ServerPid { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--url": options.Url = new Uri(value); break;
                case "--seconds": options.Seconds = Positive(value); break;
                case "--warmup": options.WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--concurrency": options.Concurrency = Positive(value); break;
                case "--batch": options.Batch = Math.Min(1000, Positive(value)); break;
                case "--videos": options.Videos = Positive(value); break;
                case "--users": options.Users = Positive(value); break;
                case "--server-pid": options.ServerPid = Positive(value); break;
                case "--scenario": options.Scenario = value is "hot" or "spread" or "both" ? value : throw new ArgumentException("--scenario is hot, spread or both."); break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.");
            }
        }

        return options;
    }

    private static int Positive(string value) =>
        int.Parse(value, CultureInfo.InvariantCulture) is > 0 and var n ? n : throw new ArgumentException($"{value} must be positive.");
}
