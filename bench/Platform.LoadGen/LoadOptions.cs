using System.Globalization;

namespace Platform.LoadGen;

/// <summary>
/// Command-line options, given as <c>--name value</c>. Every option has a default, so
/// <c>--mode closed</c> alone is a valid run against <c>http://localhost:5080</c>.
/// </summary>
public sealed class LoadOptions
{
    /// <summary>What to run: seed, open, closed, soak, freshness. Default closed.</summary>
    public string Mode { get; private set; } = "closed";

    /// <summary>Base address of the gateway API. Default http://localhost:5080.</summary>
    public Uri Url { get; private set; } = new("http://localhost:5080");

    /// <summary>Prefix of every id the tool makes, so runs against one server can share or avoid a data set. Default lg.</summary>
    public string Prefix { get; private set; } = "lg";

    /// <summary>Catalog size the scenarios draw videos from (and seed registers). Default 100,000.</summary>
    public int Videos { get; private set; } = 100_000;

    /// <summary>User base the scenarios draw users from (and seed activates). Default 100,000.</summary>
    public int Users { get; private set; } = 100_000;

    /// <summary>Creators the seeded videos are spread over. Default videos / 20.</summary>
    public int Creators { get; private set; }

    /// <summary>Events per seeded user (views of popular videos), which activates and shapes each user. Default 2.</summary>
    public int SeedEventsPerUser { get; private set; } = 2;

    /// <summary>
    /// Popularity skew of the videos events name: an index is <c>videos * u^skew</c> for uniform u, so 1 is
    /// uniform and 3 sends about 5% of all events to the top video of a 10k catalog. Default 3.
    /// </summary>
    public double Skew { get; private set; } = 3;

    /// <summary>
    /// How seeding activates users: <c>events</c> (each user views <see cref="SeedEventsPerUser"/> videos,
    /// so it holds state) or <c>reads</c> (one <c>GET /v1/users/{id}</c> each: a bare activation). Default events.
    /// </summary>
    public string SeedUsersWith { get; private set; } = "events";

    /// <summary>Requests in flight while seeding. Default 64.</summary>
    public int SeedConcurrency { get; private set; } = 64;

    /// <summary>
    /// Weighted scenario mix, <c>name:weight,...</c>; names: feed, events, register, hot.
    /// Default <c>feed:1</c>.
    /// </summary>
    public string Mix { get; private set; } = "feed:1";

    /// <summary>Offered rate in requests per second for open-loop and soak runs. Default 1000.</summary>
    public double Rate { get; private set; } = 1000;

    /// <summary>Concurrent workers of a closed-loop run (each sends its next request when the last one answers). Default 64.</summary>
    public int Concurrency { get; private set; } = 64;

    /// <summary>Measured duration. Default 30 s (soak: 10 min).</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Unmeasured warm-up before the measured duration. Default 5 s.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>Period of the progress lines (0: none). Default 10 s (soak: 30 s).</summary>
    public TimeSpan Interval { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most requests an open-loop run keeps in flight; past this a due request is dropped and counted as an error. Default 20,000.</summary>
    public int MaxInFlight { get; private set; } = 20_000;

    /// <summary>Events per request of the events and hot scenarios (1..1000). Default 500.</summary>
    public int Batch { get; private set; } = 500;

    /// <summary>Feed page size of the feed scenario. Default 10.</summary>
    public int FeedCount { get; private set; } = 10;

    /// <summary>Number of hot videos the hot scenario concentrates its events on. Default 10.</summary>
    public int HotVideos { get; private set; } = 10;

    /// <summary>Trials of the freshness probe. Default 200.</summary>
    public int Trials { get; private set; } = 200;

    /// <summary>Process id of the server, whose memory and CPU are read from /proc. Default none.</summary>
    public int? ServerPid { get; private set; }

    /// <summary>Soak: largest growth of the server's memory after the warm-up that still counts as flat (0.1 = 10%). Default 0.1.</summary>
    public double MaxMemoryGrowth { get; private set; } = 0.1;

    /// <summary>
    /// Soak: before each memory sample, make the server run a full blocking garbage collection (through the runtime's
    /// diagnostics port, as dotnet-gcdump does) so that the heap sample is the live heap, not the live heap plus
    /// whatever garbage the last collection left. Costs the server one full collection per sample. Default true.
    /// </summary>
    public bool LiveHeap { get; private set; } = true;

    /// <summary>
    /// Soak: largest growth of the server's live heap (see <see cref="LiveHeap"/>) after the warm-up that still counts
    /// as flat (0.1 = 10%). Default 0.1.
    /// </summary>
    public double MaxHeapGrowth { get; private set; } = 0.1;

    /// <summary>
    /// Soak: period of the memory samples. Default (unset): the run's length / 90, at least 2 s (5 s with
    /// <see cref="LiveHeap"/>, each of whose samples costs the server a full collection).
    /// </summary>
    public TimeSpan? SamplePeriod { get; private set; }
    /// <summary>Time after which a request counts as failed (transport error). Default 60 s.</summary>
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(60);

    /// <summary>HTTP connections to the server at most. Default 256.</summary>
    public int Connections { get; private set; } = 256;

    /// <summary>Campaigns <c>--mode campaigns</c> creates. Default 1,000.</summary>
    public int Campaigns { get; private set; } = 1_000;

    /// <summary>With <c>--mode campaigns</c>, seconds until the campaigns end; 0: no end. Default 0.</summary>
    public int CampaignSeconds { get; private set; }

    /// <summary>Experiments <c>--mode experiments</c> keeps running (ids by index, so a later, larger count adds). Default 1.</summary>
    public int Experiments { get; private set; } = 1;

    /// <summary>The server's <c>Platform:AdminApiKey</c>, for <c>--mode campaigns</c> and <c>experiments</c>. Default unset.</summary>
    public string AdminKey { get; private set; } = "";

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        var durationSet = false;
        var intervalSet = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{name}'.");
            }

            var value = args[++i];
            switch (name[2..].ToLowerInvariant())
            {
                case "mode": o.Mode = value.ToLowerInvariant(); break;
                case "url": o.Url = new Uri(value); break;
                case "prefix": o.Prefix = value; break;
                case "videos": o.Videos = Int(value); break;
                case "users": o.Users = Int(value); break;
                case "creators": o.Creators = Int(value); break;
                case "seed-events-per-user": o.SeedEventsPerUser = Int(value); break;
                case "skew": o.Skew = Math.Max(1, double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "seed-users-with": o.SeedUsersWith = value.ToLowerInvariant(); break;
                case "seed-concurrency": o.SeedConcurrency = Int(value); break;
                case "mix": o.Mix = value; break;
                case "rate": o.Rate = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "concurrency": o.Concurrency = Int(value); break;
                case "duration": o.Duration = Time(value); durationSet = true; break;
                case "warmup": o.Warmup = Time(value); break;
                case "interval": o.Interval = Time(value); intervalSet = true; break;
                case "max-inflight": o.MaxInFlight = Int(value); break;
                case "batch": o.Batch = Math.Clamp(Int(value), 1, 1000); break;
                case "feed-count": o.FeedCount = Math.Clamp(Int(value), 1, 100); break;
                case "hot-videos": o.HotVideos = Int(value); break;
                case "trials": o.Trials = Int(value); break;
                case "server-pid": o.ServerPid = Int(value); break;
                case "timeout": o.Timeout = Time(value); break;
                case "connections": o.Connections = Int(value); break;
                case "campaigns": o.Campaigns = Int(value); break;
                case "experiments": o.Experiments = Int(value); break;
                case "admin-key": o.AdminKey = value; break;
                case "campaign-seconds": o.CampaignSeconds = Int(value); break;
                case "max-memory-growth": o.MaxMemoryGrowth = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "live-heap": o.LiveHeap = bool.Parse(value); break;
                case "max-heap-growth": o.MaxHeapGrowth = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "sample-period": o.SamplePeriod = Time(value); break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        if (o.Creators <= 0)
        {
            o.Creators = Math.Max(1, o.Videos / 20);
        }

        if (o.Mode == "soak")
        {
            o.Duration = durationSet ? o.Duration : TimeSpan.FromMinutes(10);
            o.Interval = intervalSet ? o.Interval : TimeSpan.FromSeconds(30);
        }

        return o;
    }

    /// <summary>A duration: plain seconds, or with a unit (500ms, 30s, 10m, 2h).</summary>
    public static TimeSpan Time(string value)
    {
        if (value.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(value[..^2], CultureInfo.InvariantCulture));
        }

        var unit = value[^1];
        var number = char.IsLetter(unit) ? value[..^1] : value;
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    private static int Int(string value) => int.Parse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
