using System.Globalization;

namespace Platform.LoadGen;

/// <summary>
/// The ids of a seeded data set, derived from the prefix and sizes alone, so a seed run and any
/// later run with the same options agree on which videos and users exist.
/// </summary>
public sealed class Dataset(LoadOptions options)
{
    private static readonly string[] TagPool =
    [
        "cooking", "howto", "music", "dance", "comedy", "pets", "travel", "fitness", "gaming", "fashion",
        "science", "art", "cars", "sports", "diy", "beauty", "tech", "nature", "food", "kids",
    ];

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    public int Videos => options.Videos;

    public int Users => options.Users;

    public string VideoId(int index) => string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-v{index}");

    public string CreatorId(int videoIndex) => string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-c{videoIndex % options.Creators}");

    public string UserId(int index) => string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-u{index}");

    /// <summary>Two or three tags per video, fixed by its index: videos sharing tags start with close embeddings.</summary>
    public string[] Tags(int videoIndex)
    {
        var h = (uint)videoIndex * 2654435761u;
        var count = 2 + (int)(h % 2);
        var tags = new string[count];
        for (var i = 0; i < count; i++)
        {
            tags[i] = TagPool[(int)((h >> (8 + 5 * i)) % (uint)TagPool.Length)];
        }

        return tags;
    }

    public static int DurationMs(int videoIndex) => 5_000 + (int)((uint)videoIndex * 2246822519u % 115_000u);

    /// <summary>A fresh id, unique across runs and threads, for events and new registrations.</summary>
    public string NewId(string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.Prefix}-{kind}{_runId}-{Interlocked.Increment(ref _sequence)}");

    /// <summary>A video drawn with a popularity skew: low indices are watched far more often (roughly Zipf-like).</summary>
    public int PopularVideo(Random random) => Math.Min(options.Videos - 1, (int)(options.Videos * Math.Pow(random.NextDouble(), options.Skew)));

    public int AnyUser(Random random) => random.Next(options.Users);
}
