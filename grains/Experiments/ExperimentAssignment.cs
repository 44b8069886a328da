using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Experiments;

/// <summary>
/// Which variant of an experiment a user is in: a stable hash of (experiment id, user id) placed on the
/// variants' cumulative weights. Sticky (the same in every process and after restarts) and independent
/// across experiments, since the experiment id seeds the hash; no state is kept per user.
/// </summary>
public static class ExperimentAssignment
{
    /// <summary>The index of the user's variant in <paramref name="variants"/>.</summary>
    public static int VariantOf(string experimentId, string userId, ExperimentVariant[] variants)
    {
        var total = 0;
        foreach (var v in variants)
        {
            total += v.Weight;
        }

        var seed = IdHash.Of(experimentId);
        var point = (long)(IdHash.Of(userId.AsSpan(), seed ^ 0x9e3779b97f4a7c15UL) % (ulong)total);
        for (var i = 0; i < variants.Length; i++)
        {
            point -= variants[i].Weight;
            if (point < 0)
            {
                return i;
            }
        }

        return variants.Length - 1;
    }
}
