namespace Platform.Grains.Options;

/// <summary>
/// The item-item model (EASE, Steck 2019) over the most active videos: refreshed periodically by every silo
/// from the catalog shards' co-engagement, added to the co-engagement score of a feed's candidates
/// (<see cref="Recommendation.ItemItemModel"/>). Section <c>Platform:ItemModel</c>.
/// </summary>
public sealed class ItemModelOptions
{
    public const string Section = "Platform:ItemModel";

    /// <summary>
    /// Weight of the model's score added to a candidate's co-engagement score (0: the model is not built
    /// or used). Default 0.
    /// </summary>
    public float Weight { get; set; }

    /// <summary>
    /// Most videos the model covers: the most co-engaged ones. Its memory is 4 × MaxItems² bytes per silo
    /// (4 MB at 1,000) and a refresh is one dense solve of MaxItems³/3 multiply-adds. Default 1,000.
    /// </summary>
    public int MaxItems { get; set; } = 1000;

    /// <summary>
    /// The ridge term λ of the solve as a multiple of the mean diagonal of the Gram matrix, so it does not
    /// depend on how large the co-engagement weights are (traffic, decay, half-life). Default 5 (measured best of
    /// 0.5, 5 and 20 on MovieLens; docs/quality.md).
    /// </summary>
    public double Ridge { get; set; } = 5;

    /// <summary>How often a silo rebuilds its model from the catalog shards. Default 10 minutes.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);
}
