using Platform.GrainInterfaces;

namespace Platform.Grains.Search;

/// <summary>Trending tags best first: higher velocity, then more videos, then by name (ordinal), the same in every shard and merge.</summary>
internal sealed class TrendingTagOrder(bool worstFirst) : IComparer<TrendingTag>
{
    public static readonly TrendingTagOrder Best = new(worstFirst: false);

    /// <summary>The reverse: a heap ordered by it keeps the worst of the best at its top.</summary>
    public static readonly TrendingTagOrder Worst = new(worstFirst: true);

    public int Compare(TrendingTag? x, TrendingTag? y)
    {
        var order = CompareBestFirst(x!, y!);
        return worstFirst ? -order : order;
    }

    private static int CompareBestFirst(TrendingTag x, TrendingTag y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byVideos = y.Videos.CompareTo(x.Videos);
        return byVideos != 0 ? byVideos : string.CompareOrdinal(x.Tag, y.Tag);
    }
}
