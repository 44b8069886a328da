using Platform.GrainInterfaces;

namespace Platform.Grains.Catalog;

/// <summary>A video held by a <see cref="CandidateIndex"/>: its current record and trending velocity.</summary>
internal sealed class CatalogEntry(CatalogVideo video, ulong hash)
{
    public CatalogVideo Video { get; set; } = video;

    public ulong Hash { get; } = hash;

    /// <summary>Decayed weighted engagement as of <see cref="TrendingAt"/>.</summary>
    public double Trending { get; set; }

    public DateTimeOffset TrendingAt { get; set; }

    public bool Removed { get; set; }

    /// <summary>Times the video was served in a feed page, as reported by the silos (soft state, kept in snapshots).</summary>
    public long Impressions { get; set; }

    /// <summary>What exploration orders the video by: impressions, or views when a video was watched more than it was served.</summary>
    public long Exposure => Math.Max(Impressions, Video.Signals.Views);

    /// <summary>The entry's position in its snapshot page's list.</summary>
    public int PageSlot { get; set; } = -1;

    /// <summary>The <see cref="ExploreBuckets"/> bucket holding the entry, or -1.</summary>
    public int ExploreBucket { get; set; } = -1;

    /// <summary>The entry's position in its exploration bucket.</summary>
    public int ExploreSlot { get; set; } = -1;

    /// <summary>The last shard query that took this entry (de-duplication without a set per query).</summary>
    public long QueryStamp { get; set; }
}
