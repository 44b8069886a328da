using System.Text;
using Platform.Grains.Recommendation;

namespace Platform.Grains.Storage;

/// <summary>
/// A bounded set of ids that remembers the most recent ones: at least the last <c>capacity</c> added, at most an eighth
/// more; adding past that forgets the oldest. Held as two primitive arrays, not as strings: the ids' UTF-8 bytes oldest
/// first, each after its length (one byte below 128, else two), and beside them their <see cref="IdHash"/>es, searched
/// vectorized. A user's 2,000 viewed videos are so two arrays for the collector to skip and a state write to copy,
/// instead of 2,000 strings, a list and a hash set; the ids themselves stay readable (the privacy export lists them).
/// Persisted as the bytes; the hashes are recomputed on load (ids are well-formed text: a lone surrogate would load as
/// U+FFFD). Two ids sharing a hash (about n²/2⁶⁵ for n ids) would make one look present.
/// </summary>
[GenerateSerializer, Alias("Platform.RecentIds")]
public sealed class RecentIds
{
    /// <summary>Ids longer than this many UTF-8 bytes are refused; the contract's ids have at most 64.</summary>
    public const int MaxIdBytes = 0x7fff;

    [NonSerialized]
    private byte[] _bytes = [];

    [NonSerialized]
    private int _start;

    [NonSerialized]
    private int _end;

    [NonSerialized]
    private ulong[] _hashes = [];

    [NonSerialized]
    private int _first;

    [NonSerialized]
    private int _count;

    /// <summary>The format before <see cref="Packed"/>: the ids as a list, read from older stored state, never written.</summary>
    [Id(0)]
    public List<string>? Order
    {
        get => null;
        set
        {
            foreach (var id in value ?? [])
            {
                Add(id, int.MaxValue);
            }
        }
    }

    /// <summary>The ids as stored: each one's byte length (one byte, or two with the high bit set) and its UTF-8 bytes, oldest first.</summary>
    [Id(1)]
    public byte[] Packed
    {
        get => _bytes.AsSpan(_start, _end - _start).ToArray();
        set
        {
            _bytes = value;
            _start = 0;
            _end = value.Length;
            _first = 0;
            _count = 0;
            _hashes = [];
            for (var at = 0; at < _end;)
            {
                var (offset, length) = Entry(at);
                AppendHash(Hash(_bytes.AsSpan(offset, length)));
                at = offset + length;
            }
        }
    }

    public int Count => _count;

    /// <summary>The ids' hashes, oldest first, as <see cref="IdHash.Of(string)"/> gives them.</summary>
    public ReadOnlySpan<ulong> Hashes() => _hashes.AsSpan(_first, _count);

    public bool Contains(string id) => Hashes().Contains(IdHash.Of(id));

    /// <summary>Adds the id unless present; returns false when it was already there.</summary>
    public bool Add(string id, int capacity)
    {
        var hash = IdHash.Of(id);
        if (Hashes().Contains(hash))
        {
            return false;
        }

        var length = Encoding.UTF8.GetByteCount(id);
        if (length > MaxIdBytes)
        {
            throw new ArgumentException($"An id of {length} UTF-8 bytes is longer than {MaxIdBytes}.", nameof(id));
        }

        var header = length < 0x80 ? 1 : 2;
        EnsureBytes(header + length);
        if (header == 1)
        {
            _bytes[_end] = (byte)length;
        }
        else
        {
            _bytes[_end] = (byte)(0x80 | (length >> 8));
            _bytes[_end + 1] = (byte)length;
        }

        Encoding.UTF8.GetBytes(id, _bytes.AsSpan(_end + header));
        _end += header + length;
        AppendHash(hash);

        // Trim in chunks, so a full set does not move its arrays on every add.
        if (_count > capacity + (long)capacity / 8)
        {
            var excess = _count - capacity;
            _start = Skip(_start, excess);
            _first += excess;
            _count -= excess;
        }

        return true;
    }

    public bool Remove(string id)
    {
        var index = Hashes().IndexOf(IdHash.Of(id));
        if (index < 0)
        {
            return false;
        }

        var at = Skip(_start, index);
        var next = Skip(at, 1);
        _bytes.AsSpan(next, _end - next).CopyTo(_bytes.AsSpan(at));
        _end -= next - at;
        _hashes.AsSpan(_first + index + 1, _count - index - 1).CopyTo(_hashes.AsSpan(_first + index));
        _count--;
        return true;
    }

    /// <summary>The last <paramref name="count"/> ids added (all when fewer), oldest first.</summary>
    public string[] Last(int count)
    {
        var result = new string[Math.Clamp(count, 0, _count)];
        var at = Skip(_start, _count - result.Length);
        for (var i = 0; i < result.Length; i++)
        {
            var (offset, length) = Entry(at);
            result[i] = Encoding.UTF8.GetString(_bytes, offset, length);
            at = offset + length;
        }

        return result;
    }

    /// <summary>Every id held, oldest first.</summary>
    public string[] ToArray() => Last(_count);

    /// <summary>The position <paramref name="entries"/> entries after <paramref name="at"/>.</summary>
    private int Skip(int at, int entries)
    {
        for (var i = 0; i < entries; i++)
        {
            var (offset, length) = Entry(at);
            at = offset + length;
        }

        return at;
    }

    private (int Offset, int Length) Entry(int at) =>
        _bytes[at] < 0x80 ? (at + 1, _bytes[at]) : (at + 2, ((_bytes[at] & 0x7f) << 8) | _bytes[at + 1]);

    private static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        return IdHash.Of(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private void EnsureBytes(int more)
    {
        if (_end + more <= _bytes.Length)
        {
            return;
        }

        // Reclaim what trimming left at the front, or grow by half.
        var live = _end - _start;
        var bytes = live + more <= _bytes.Length * 3L / 4 ? _bytes : new byte[Math.Max(64, (live + more) * 3 / 2)];
        _bytes.AsSpan(_start, live).CopyTo(bytes);
        _bytes = bytes;
        _start = 0;
        _end = live;
    }

    private void AppendHash(ulong hash)
    {
        if (_first + _count == _hashes.Length)
        {
            var hashes = _count + 1 <= _hashes.Length * 3L / 4 ? _hashes : new ulong[Math.Max(8, (_count + 1) * 3 / 2)];
            _hashes.AsSpan(_first, _count).CopyTo(hashes);
            _hashes = hashes;
            _first = 0;
        }

        _hashes[_first + _count++] = hash;
    }
}
