namespace Platform.DurableIngestBench;

/// <summary>Command line of the bench: <c>--name value</c> pairs.</summary>
public sealed class BenchOptions
{
    /// <summary>Gateways to spread requests over (comma separated). Default http://127.0.0.1:8080.</summary>
    public string[] Gateways { get; private set; } = ["http://127.0.0.1:8080"];

    /// <summary>How long to measure. Default 30 s.</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Warm-up before measuring. Default 5 s.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests in flight. Default 32.</summary>
    public int Concurrency { get; private set; } = 32;

    /// <summary>Events per request. Default 50.</summary>
    public int BatchSize { get; private set; } = 50;

    /// <summary>Users sending; each request carries events of one user (as an app sends them). Default 5000.</summary>
    public int Users { get; private set; } = 5000;

    /// <summary>Videos the events land on (1 = one hot video). Default 2000.</summary>
    public int Videos { get; private set; } = 2000;

    /// <summary>Creators owning the videos. Default 200.</summary>
    public int Creators { get; private set; } = 200;

    /// <summary>
    /// The id prefix of this run's users, videos and creators. Default a fresh one per process, so every user starts
    /// cold; a run given the prefix of an earlier one (its warm-up) finds their grains active and their state written.
    /// </summary>
    public string Run { get; private set; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A file holding the pid of a silo to SIGKILL during the run; none by default.</summary>
    public string? KillPidFile { get; private set; }

    /// <summary>When (after warm-up) to kill that silo. Default 10 s.</summary>
    public TimeSpan KillAfter { get; private set; } = TimeSpan.FromSeconds(10);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--gateways": o.Gateways = value.Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--duration": o.Duration = TimeSpan.FromSeconds(double.Parse(value)); break;
                case "--warmup": o.Warmup = TimeSpan.FromSeconds(double.Parse(value)); break;
                case "--concurrency": o.Concurrency = int.Parse(value); break;
                case "--batch": o.BatchSize = int.Parse(value); break;
                case "--users": o.Users = int.Parse(value); break;
                case "--videos": o.Videos = int.Parse(value); break;
                case "--creators": o.Creators = int.Parse(value); break;
                case "--run": o.Run = value; break;
                case "--kill-pid-file": o.KillPidFile = value; break;
                case "--kill-after": o.KillAfter = TimeSpan.FromSeconds(double.Parse(value)); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return o;
    }
}
