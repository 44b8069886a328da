using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>One variant's running totals in an experiment's state. Ids are never renumbered.</summary>
[GenerateSerializer, Alias("Platform.VariantTotals")]
public sealed class VariantTotals
{
    [Id(0)] public long Users { get; set; }

    [Id(1)] public long Impressions { get; set; }

    [Id(2)] public long Views { get; set; }

    [Id(3)] public long Completions { get; set; }

    [Id(4)] public long Likes { get; set; }

    [Id(5)] public long Shares { get; set; }

    [Id(6)] public long Skips { get; set; }

    [Id(7)] public long Comments { get; set; }

    public void Add(VariantCounts c)
    {
        Users += c.Users;
        Impressions += c.Impressions;
        Views += c.Views;
        Completions += c.Completions;
        Likes += c.Likes;
        Shares += c.Shares;
        Skips += c.Skips;
        Comments += c.Comments;
    }
}
