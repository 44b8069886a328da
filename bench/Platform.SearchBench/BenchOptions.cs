using System.Globalization;

namespace Platform.SearchBench;

/// <summary>Command-line settings; each one documents its default.</summary>
public sealed class BenchOptions
{
    /// <summary>What to measure (<c>--mode index|http</c>): the shards' indexes in this process, or a running platform. Default index.</summary>
    public string Mode { get; private set; } = "index";

    /// <summary>Videos in the catalog (<c>--videos</c>). Default 100,000.</summary>
    public int Videos { get; private set; } = 100_000;

    /// <summary>Catalog shards, as <c>Platform:Catalog:Shards</c> (<c>--shards</c>, index mode). Default 8.</summary>
    public int Shards { get; private set; } = 8;

    /// <summary>Queries measured, after as many warm-up queries as a tenth of them (<c>--queries</c>). Default 20,000.</summary>
    public int Queries { get; private set; } = 20_000;

    /// <summary>MovieLens <c>u.item</c>, whose movie titles give the English vocabulary (<c>--items</c>). Default ../shared/data/ml-100k/u.item.</summary>
    public string Items { get; private set; } = "../shared/data/ml-100k/u.item";

    /// <summary>The gateway (<c>--url</c>, http mode). Default http://127.0.0.1:5080.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1:5080");

    /// <summary>Requests in flight (<c>--concurrency</c>, http mode). Default 4.</summary>
    public int Concurrency { get; private set; } = 4;

    /// <summary>Seed of the synthetic catalog and queries (<c>--seed</c>). Default 42.</summary>
    public int Seed { get; private set; } = 42;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--mode": options.Mode = value is "index" or "http" ? value : throw new ArgumentException("--mode is index or http."); break;
                case "--videos": options.Videos = Positive(value); break;
                case "--shards": options.Shards = Positive(value); break;
                case "--queries": options.Queries = Positive(value); break;
                case "--items": options.Items = value; break;
                case "--url": options.Url = new Uri(value); break;
                case "--concurrency": options.Concurrency = Positive(value); break;
                case "--seed": options.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.");
            }
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"'{value}' is not a positive integer.");
}
