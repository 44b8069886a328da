using Orleans.Transactions;
using Platform.GrainInterfaces;

namespace Platform.Grains.Money;

/// <summary>
/// What a user may do with paid videos: a view of one the user has not bought is rejected, and feeds
/// show paid videos with their price, locked for non-buyers. The wallet (its transactional state) is
/// the one record of what was bought; it is asked only when paid videos are involved.
/// </summary>
internal static class PaidVideoAccess
{
    public const string NotPurchased = "not purchased";

    private const int Attempts = 3;

    private static readonly EventOutcome Rejected = new(EventStatus.Rejected, NotPurchased);

    /// <summary>
    /// Rejects the views of paid videos the user has not bought: their outcomes are set and their indices
    /// leave <paramref name="byVideo"/>; a video left with no events gets a rejecting context.
    /// </summary>
    public static async Task RejectUnpurchasedViewsAsync(
        IGrainFactory grains, string userId, EngagementEvent[] events, Dictionary<string, List<int>> byVideo, VideoEngagementContext[] contexts, EventOutcome[] outcomes)
    {
        List<string>? paid = null;
        var g = 0;
        foreach (var (videoId, indices) in byVideo)
        {
            var context = contexts[g++];
            if (context.Accepts && context.PriceCents > 0 && indices.Exists(i => events[i].Type == EngagementType.View))
            {
                (paid ??= []).Add(videoId);
            }
        }

        if (paid is null)
        {
            return;
        }

        var bought = await PurchasedAsync(grains, userId, [.. paid]);
        g = 0;
        foreach (var (videoId, indices) in byVideo)
        {
            var index = g++;
            if (!paid.Contains(videoId) || bought.Contains(videoId))
            {
                continue;
            }

            indices.RemoveAll(i =>
            {
                if (events[i].Type != EngagementType.View)
                {
                    return false;
                }

                outcomes[i] = Rejected;
                return true;
            });
            if (indices.Count == 0)
            {
                contexts[index] = VideoEngagementContext.Rejected(NotPurchased);
            }
        }
    }

    /// <summary>Marks the paid videos of a feed page with their price, locked unless the user bought them.</summary>
    public static async Task<FeedItem[]> LockAsync(IGrainFactory grains, string userId, FeedItem[] items, IReadOnlyList<Candidate> candidates)
    {
        Dictionary<string, int>? prices = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Video.PriceCents > 0)
            {
                (prices ??= new(StringComparer.Ordinal))[candidate.Video.VideoId] = candidate.Video.PriceCents;
            }
        }

        string[] paid = prices is null ? [] : [.. items.Select(i => i.VideoId).Where(prices.ContainsKey)];
        if (paid.Length == 0)
        {
            return items;
        }

        HashSet<string> bought;
        try
        {
            bought = await PurchasedAsync(grains, userId, paid);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Unknown: show them locked; a view is checked on its own anyway.
            bought = [];
        }

        var page = new FeedItem[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            page[i] = prices!.TryGetValue(item.VideoId, out var price)
                ? item with { PriceCents = price, Locked = !bought.Contains(item.VideoId) }
                : item;
        }

        return page;
    }

    private static async Task<HashSet<string>> PurchasedAsync(IGrainFactory grains, string userId, string[] videoIds)
    {
        var wallet = grains.GetGrain<IWalletGrain>(userId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return [.. await wallet.GetPurchasedAsync(videoIds)];
            }
            catch (OrleansTransactionAbortedException) when (attempt < Attempts)
            {
                // A payment of the same wallet held its lock: nothing was read, ask again.
            }
        }
    }
}
