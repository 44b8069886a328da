using Platform.GrainInterfaces;

namespace Platform.Grains.Search;

/// <summary>Hits best first: higher score, then newer, then by video id (ordinal), the same in every shard and merge.</summary>
internal sealed class SearchHitOrder : IComparer<SearchHit>
{
    public static readonly SearchHitOrder Instance = new();

    public int Compare(SearchHit? x, SearchHit? y)
    {
        var byScore = y!.Score.CompareTo(x!.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byAge = y.RegisteredAt.CompareTo(x.RegisteredAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.VideoId, y.VideoId);
    }
}
