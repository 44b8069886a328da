using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Users;

/// <summary>
/// Which feed source served each of a user's recently served videos, so that a view, like or skip of one
/// counts for that source once per impression and type. In memory: a lost activation only loses the
/// attribution of the pages it served.
/// </summary>
internal sealed class FeedAttribution(int capacity)
{
    private readonly Dictionary<string, Impression> _served = new(StringComparer.Ordinal);
    private readonly Queue<(string VideoId, Impression Impression)> _order = new();

    /// <summary>Remembers the source of each item of a served page (a video served again is a new impression).</summary>
    public void Served(FeedItem[] items)
    {
        foreach (var item in items)
        {
            var impression = new Impression(item.Source);
            _served[item.VideoId] = impression;
            _order.Enqueue((item.VideoId, impression));
        }

        while (_order.Count > capacity)
        {
            var (videoId, oldest) = _order.Dequeue();
            if (_served.TryGetValue(videoId, out var current) && ReferenceEquals(current, oldest))
            {
                _served.Remove(videoId);
            }
        }
    }

    /// <summary>The source to credit an engagement to: null when the video was not served lately or this type was already counted for it.</summary>
    public CandidateSource? Attribute(string videoId, EngagementType type)
    {
        if (!FeedQualityMetrics.Counts(type) || !_served.TryGetValue(videoId, out var impression))
        {
            return null;
        }

        var bit = 1 << (int)type;
        if ((impression.Counted & bit) != 0)
        {
            return null;
        }

        impression.Counted |= bit;
        return impression.Source;
    }

    private sealed class Impression(CandidateSource source)
    {
        public CandidateSource Source { get; } = source;

        public int Counted { get; set; }
    }
}
