using Platform.GrainInterfaces;

namespace Platform.Grains.Ads;

/// <summary>
/// Click and conversion events of one user batch: each counts for the campaign whose ad of that video was last
/// served to the user, at most one click and one conversion per impression. <see cref="SendAsync"/> tells the
/// campaigns first (they count each event id once, so a retry after a failure counts nothing twice) and changes
/// nothing; <see cref="Apply"/> then records the outcome in the user's state, before its one write.
/// </summary>
public sealed class AdAttribution
{
    public const string NotServedReason = "no ad of this video was served to this user";

    private readonly List<(int Index, ServedAd? Served, bool Counts)> _events = [];

    private AdAttribution()
    {
    }

    /// <summary>Attributes the events at <paramref name="indices"/> and sends each campaign its share, all at once.</summary>
    public static async Task<AdAttribution> SendAsync(IGrainFactory grains, string userId, UserAdState ads, EngagementEvent[] events, List<int> indices)
    {
        var attribution = new AdAttribution();
        var byCampaign = new Dictionary<string, List<AdEngagement>>(StringComparer.Ordinal);
        var clicked = new HashSet<ServedAd>(ReferenceEqualityComparer.Instance);
        var converted = new HashSet<ServedAd>(ReferenceEqualityComparer.Instance);
        foreach (var i in indices)
        {
            var e = events[i];
            var served = ads.LastServed(e.VideoId!);
            var first = served is not null && (e.Type == EngagementType.Click
                ? !served.Clicked && clicked.Add(served)
                : !served.Converted && converted.Add(served));
            attribution._events.Add((i, served, first));
            if (first)
            {
                if (!byCampaign.TryGetValue(served!.CampaignId, out var list))
                {
                    byCampaign[served.CampaignId] = list = [];
                }

                list.Add(new AdEngagement(e.EventId, userId, e.Type));
            }
        }

        var calls = new List<Task>(byCampaign.Count);
        foreach (var (campaignId, engagements) in byCampaign)
        {
            calls.Add(grains.Reference<ICampaignGrain>(campaignId).RecordEngagementAsync([.. engagements]));
        }

        await Task.WhenAll(calls);
        return attribution;
    }

    /// <summary>Records outcomes, marks the impressions and, through <paramref name="markApplied"/>, the event ids; true when any event was accepted.</summary>
    public bool Apply(EngagementEvent[] events, EventOutcome[] outcomes, Action<string> markApplied)
    {
        var accepted = false;
        foreach (var (i, served, counts) in _events)
        {
            if (served is null)
            {
                outcomes[i] = new EventOutcome(EventStatus.Rejected, NotServedReason);
                continue;
            }

            if (counts)
            {
                if (events[i].Type == EngagementType.Click)
                {
                    served.Clicked = true;
                }
                else
                {
                    served.Converted = true;
                }
            }

            outcomes[i] = EventOutcome.Accepted;
            markApplied(events[i].EventId);
            accepted = true;
        }

        return accepted;
    }
}
