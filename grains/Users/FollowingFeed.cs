using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// The following feed: the newest published videos of the creators a user follows that the user has not
/// viewed, newest first. Every catalog shard is asked once with the followed creators and a Bloom filter of
/// the viewed videos; what the filter caught is checked exactly against the user's history, so a false
/// positive never hides a video.
/// </summary>
internal static class FollowingFeed
{
    public static async Task<FollowedVideo[]> GetAsync(IGrainFactory grains, UserState state, int shards, int count)
    {
        if (state.Following.Count == 0 || count <= 0)
        {
            return [];
        }

        var query = new FollowingQuery(state.Following.ToArray(), ExclusionFilter.Create(state.Viewed.Hashes(), []), count);
        var calls = new Task<FollowedVideo[]>[shards];
        for (var i = 0; i < shards; i++)
        {
            calls[i] = grains.Reference<ICatalogShardGrain>(i).GetFollowingAsync(query);
        }

        var videos = new List<FollowedVideo>();
        foreach (var found in await Task.WhenAll(calls))
        {
            foreach (var video in found)
            {
                if (!state.Viewed.Contains(video.VideoId) && state.Following.Contains(video.CreatorId))
                {
                    videos.Add(video);
                }
            }
        }

        videos.Sort(static (a, b) => b.RegisteredAt.CompareTo(a.RegisteredAt) is var c and not 0 ? c : string.CompareOrdinal(a.VideoId, b.VideoId));
        return videos.Count > count ? [.. videos.GetRange(0, count)] : [.. videos];
    }
}
