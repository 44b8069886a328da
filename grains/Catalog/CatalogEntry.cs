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
}
