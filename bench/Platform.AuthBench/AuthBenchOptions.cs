using System.Globalization;

namespace Platform.AuthBench;

/// <summary>Command-line options (<c>--name value</c>); every one has a default.</summary>
public sealed class AuthBenchOptions
{
    /// <summary>Measured seconds per scenario and mode. Default 10.</summary>
    public int Seconds { get; private set; } = 10;

    /// <summary>Unmeasured warm-up seconds before each scenario. Default 3.</summary>
    public int WarmupSeconds { get; private set; } = 3;

    /// <summary>Requests in flight. Default 32.</summary>
    public int Concurrency { get; private set; } = 32;

    /// <summary>Users the requests are spread over (each with its own token). Default 2,000.</summary>
    public int Users { get; private set; } = 2_000;

    /// <summary>Videos registered before the runs. Default 500.</summary>
    public int Videos { get; private set; } = 500;

    /// <summary>Events per ingest request (all of one user, as a client sends them). Default 20.</summary>
    public int Batch { get; private set; } = 20;

    /// <summary>Rounds of (open, jwt), alternating; the tables give the median round. Default 3.</summary>
    public int Rounds { get; private set; } = 3;

    public static AuthBenchOptions Parse(string[] args)
    {
        var options = new AuthBenchOptions();
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
                case "--rounds": options.Rounds = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return options;
    }
}
