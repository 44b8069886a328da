using Platform.GrainInterfaces;

namespace Platform.Api.Services;

/// <summary>
/// Reads the ledger summary as one read transaction: every ledger shard, plus the unflushed changes of the creators
/// the shards list (payments not yet moved to a shard, see <see cref="ICreatorEarningsGrain.FlushLedgerAsync"/>). A
/// consistent cut, so the totals balance exactly and include every committed payment, flushed or not.
/// </summary>
/// <remarks>
/// The creators are read before the shards, in the same order as payments and flushes lock them (earnings, then
/// shard), so a summary never waits on a transaction that waits on it. Which creators to read is known only from the
/// shards, so a round that finds a listed creator it did not read is run again with it (reading a creator that has
/// nothing unflushed adds zero): usually two rounds, one when nothing is unflushed.
/// </remarks>
public static class LedgerSummaryReader
{
    /// <summary>Rounds before the summary gives up (the listed creators kept changing); the caller then answers 503.</summary>
    public const int MaxRounds = 8;

    public static async Task<LedgerSummary> ReadAsync(IGrainFactory grains, ITransactionClient transactions)
    {
        var creators = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var known = creators.ToArray();
            LedgerSummary? totals = null;
            string[] missing = [];
            await transactions.RunTransaction(TransactionOption.Create, async () =>
            {
                var unflushed = await Task.WhenAll(known.Select(c => grains.GetGrain<ICreatorEarningsGrain>(c).GetUnflushedAsync()));
                var shards = await Task.WhenAll(Enumerable.Range(0, LedgerShards.Count).Select(i => grains.GetGrain<ILedgerShardGrain>(i).ReadAsync()));
                missing = shards.SelectMany(s => s.UnflushedCreators).Where(c => !creators.Contains(c)).ToArray();
                if (missing.Length == 0)
                {
                    totals = shards.Select(s => s.Totals).Concat(unflushed).Aggregate(LedgerSummary.Zero, (sum, part) => sum.Add(part));
                }
            });
            if (totals is not null)
            {
                return totals;
            }

            creators.UnionWith(missing);
        }

        throw new TimeoutException($"The ledger summary found new unflushed creators in each of {MaxRounds} rounds.");
    }
}
