using Platform.GrainInterfaces;

namespace Platform.Grains.Ads;

/// <summary>A feed page with its ads placed: the page as served, and the organic items it kept (in order).</summary>
public readonly record struct AdPlacement(FeedItem[] Organic, FeedItem[] Page)
{
    public static AdPlacement None(FeedItem[] organic) => new(organic, organic);
}
