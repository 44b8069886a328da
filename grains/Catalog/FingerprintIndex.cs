using Platform.GrainInterfaces;

namespace Platform.Grains.Catalog;

/// <summary>
/// The perceptual fingerprints of a catalog shard's published videos, searchable by Hamming distance through a
/// <see cref="MultiIndexHash"/>. A video enters with its catalog entry and leaves with it, so only published
/// videos are ever matched.
/// </summary>
public sealed class FingerprintIndex
{
    private readonly MultiIndexHash _hash = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<(string VideoId, string CreatorId)?> _owners = [];
    private readonly List<int> _found = [];

    public int Count => _hash.Count;

    /// <summary>Adds or replaces a video's fingerprint; a video without one is left out (or taken out).</summary>
    public void Upsert(string videoId, string creatorId, ulong? fingerprint)
    {
        if (_slots.TryGetValue(videoId, out var existing))
        {
            if (fingerprint == _hash.Code(existing))
            {
                return;
            }

            Remove(videoId);
        }

        if (fingerprint is not { } code)
        {
            return;
        }

        var slot = _hash.Add(code);
        _slots[videoId] = slot;
        while (_owners.Count <= slot)
        {
            _owners.Add(null);
        }

        _owners[slot] = (videoId, creatorId);
    }

    public void Remove(string videoId)
    {
        if (_slots.Remove(videoId, out var slot))
        {
            _hash.Remove(slot);
            _owners[slot] = null;
        }
    }

    /// <summary>
    /// The nearest video within <paramref name="maxDistance"/> of another creator than
    /// <paramref name="creatorId"/> (ties: the smallest video id), or null.
    /// </summary>
    public FingerprintMatch? FindNearest(ulong fingerprint, int maxDistance, string creatorId)
    {
        _found.Clear();
        _hash.Search(fingerprint, maxDistance, _found);
        FingerprintMatch? best = null;
        foreach (var slot in _found)
        {
            var (videoId, owner) = _owners[slot]!.Value;
            if (owner == creatorId)
            {
                continue;
            }

            var distance = MultiIndexHash.Distance(fingerprint, _hash.Code(slot));
            if (best is null || distance < best.Distance || (distance == best.Distance && string.CompareOrdinal(videoId, best.VideoId) < 0))
            {
                best = new FingerprintMatch(videoId, owner, distance);
            }
        }

        return best;
    }
}
