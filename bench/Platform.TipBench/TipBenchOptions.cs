using System.Globalization;

namespace Platform.TipBench;

/// <summary>Command line of the bench: <c>--name value</c> pairs.</summary>
public sealed class TipBenchOptions
{
    /// <summary>Gateways to spread requests over (comma separated). Default http://127.0.0.1:5080.</summary>
    public string[] Gateways { get; private set; } = ["http://127.0.0.1:5080"];

    /// <summary>The admin key (credits, ledger summary). Required.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>How long to measure. Default 20 s.</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);

    /// <summary>Warm-up before measuring. Default 5 s.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tips in flight. Default 64.</summary>
    public int Concurrency { get; private set; } = 64;

    /// <summary>Wallets tipping. Default 2000.</summary>
    public int Users { get; private set; } = 2000;

    /// <summary>Creators tipped. Default 200.</summary>
    public int Creators { get; private set; } = 200;

    /// <summary>Id prefix, so runs against one database never collide. Default: random.</summary>
    public string Run { get; private set; } = Guid.NewGuid().ToString("N")[..8];

    public static TipBenchOptions Parse(string[] args)
    {
        var o = new TipBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--gateways": o.Gateways = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--admin-key": o.AdminKey = value; break;
                case "--duration": o.Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--warmup": o.Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--concurrency": o.Concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--users": o.Users = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--creators": o.Creators = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--run": o.Run = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return o.AdminKey.Length > 0 ? o : throw new ArgumentException("--admin-key is required (Platform:AdminApiKey of the gateways).");
    }
}
