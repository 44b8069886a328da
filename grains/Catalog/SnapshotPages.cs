using Platform.GrainInterfaces;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Catalog;

/// <summary>
/// Splits a <see cref="CandidateIndex"/> into snapshot pages by a hash of the video id (videos by their
/// id, co-engagement edges by their anchor) and tracks which pages changed since they were last taken:
/// "urgent" when a video joined or left the page (a registration or takedown should reach storage at
/// the next snapshot), "soft" when only signals or edges changed (written a bounded number per snapshot).
/// </summary>
internal sealed class SnapshotPages
{
    private const byte Clean = 0, Soft = 1, Urgent = 2;

    private readonly List<CatalogEntry>[] _entries;
    private readonly HashSet<string>[] _anchors;
    private readonly byte[] _state;
    private int _cursor;

    public SnapshotPages(int pages)
    {
        var count = Math.Max(1, pages);
        _entries = new List<CatalogEntry>[count];
        _anchors = new HashSet<string>[count];
        _state = new byte[count];
        for (var p = 0; p < count; p++)
        {
            _entries[p] = [];
            _anchors[p] = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    public int Count => _state.Length;

    /// <summary>The page of a video id. Uses the hash's high bits: the shard is chosen by its low bits.</summary>
    public int PageOf(string videoId) => (int)((IdHash.Of(videoId) >> 32) % (ulong)_state.Length);

    public void Add(CatalogEntry entry)
    {
        var page = PageOf(entry.Video.VideoId);
        entry.PageSlot = _entries[page].Count;
        _entries[page].Add(entry);
        _state[page] = Urgent;
    }

    public void Remove(CatalogEntry entry)
    {
        var page = PageOf(entry.Video.VideoId);
        var list = _entries[page];
        var last = list[^1];
        list[entry.PageSlot] = last;
        last.PageSlot = entry.PageSlot;
        list.RemoveAt(list.Count - 1);
        entry.PageSlot = -1;
        _anchors[page].Remove(entry.Video.VideoId);
        _state[page] = Urgent;
    }

    /// <summary>A video's signals or embedding changed.</summary>
    public void Changed(string videoId) => MarkSoft(PageOf(videoId));

    /// <summary>An anchor's co-engagement edges changed.</summary>
    public void AnchorChanged(string anchor)
    {
        var page = PageOf(anchor);
        _anchors[page].Add(anchor);
        MarkSoft(page);
    }

    /// <summary>Marks every page changed (e.g. edges to a removed video are dropped everywhere).</summary>
    public void AllChanged()
    {
        for (var p = 0; p < _state.Length; p++)
        {
            MarkSoft(p);
        }
    }

    /// <summary>Marks a page for the next snapshot whatever its budget (a write that failed).</summary>
    public void Retry(int page) => _state[page] = Urgent;

    /// <summary>
    /// Takes the pages to write now: every urgent page, and soft pages up to <paramref name="maxSoft"/>,
    /// continuing round the pages from where the last snapshot stopped, so every change is written
    /// within about <c>pages / maxSoft</c> snapshots. Taken pages count as clean.
    /// </summary>
    public void Take(int maxSoft, List<int> pages)
    {
        for (var p = 0; p < _state.Length; p++)
        {
            if (_state[p] == Urgent)
            {
                pages.Add(p);
                _state[p] = Clean;
            }
        }

        for (var i = 0; i < _state.Length && maxSoft > 0; i++)
        {
            var p = (_cursor + i) % _state.Length;
            if (_state[p] == Soft)
            {
                pages.Add(p);
                _state[p] = Clean;
                maxSoft--;
                _cursor = (p + 1) % _state.Length;
            }
        }
    }

    /// <summary>The current content of one page.</summary>
    public CatalogShardPage Snapshot(int page, CoEngagementIndex coEngagement)
    {
        var entries = _entries[page];
        var result = new CatalogShardPage { Videos = new List<CatalogVideo>(entries.Count), Impressions = new List<long>(entries.Count) };
        foreach (var entry in entries)
        {
            result.Videos.Add(entry.Video);
            result.Impressions.Add(entry.Impressions);
        }

        List<string>? gone = null;
        foreach (var anchor in _anchors[page])
        {
            var any = false;
            foreach (var (target, weight) in coEngagement.NeighboursOf(anchor))
            {
                result.CoEngagement.Add(new CoEngagementEdge(anchor, target, weight));
                any = true;
            }

            if (!any)
            {
                (gone ??= []).Add(anchor);
            }
        }

        // Anchors the index dropped (evicted or removed) leave the page's set once it is written.
        if (gone is not null)
        {
            _anchors[page].ExceptWith(gone);
        }

        return result;
    }

    private void MarkSoft(int page)
    {
        if (_state[page] == Clean)
        {
            _state[page] = Soft;
        }
    }
}
