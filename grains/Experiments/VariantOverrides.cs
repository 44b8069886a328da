using Platform.GrainInterfaces;

namespace Platform.Grains.Experiments;

/// <summary>How a user's variants change the settings a feed request is ranked with.</summary>
public static class VariantOverrides
{
    /// <summary>
    /// <paramref name="baseline"/> with every override of <paramref name="assigned"/> applied, in the order
    /// of the running list (by experiment id): when two experiments set the same field, the later one wins.
    /// </summary>
    public static FeedSettings Apply(FeedSettings baseline, AssignedVariant[] assigned)
    {
        var settings = baseline;
        foreach (var a in assigned)
        {
            var v = a.Definition.Settings;
            if (v.IsEmpty)
            {
                continue;
            }

            settings = settings with
            {
                Sources = v.Sources ?? settings.Sources,
                ExploreShare = v.ExploreShare ?? settings.ExploreShare,
                DiversityPenalty = v.DiversityPenalty is { } penalty ? (float)penalty : settings.DiversityPenalty,
                MaxPerCreator = v.MaxPerCreator ?? settings.MaxPerCreator,
            };
        }

        return settings;
    }
}
