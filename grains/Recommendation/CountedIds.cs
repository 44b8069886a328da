namespace Platform.Grains.Recommendation;

/// <summary>
/// Dense integer ids for strings, each kept while something holds a reference to it: an id is acquired by
/// whoever stores it and released when that store goes, and a released-to-zero id is forgotten at once and its
/// number reused. So a structure can keep ids as ints (no string hashing per access, nothing for the garbage
/// collector to trace) and hold each string once, however many places name it.
/// </summary>
internal sealed class CountedIds
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private string?[] _names = new string?[64];
    private int[] _references = new int[64];
    private int[] _free = new int[16];
    private int _freeCount;
    private int _next;

    /// <summary>Ids currently held.</summary>
    public int Count => _byName.Count;

    /// <summary>Every id is below this bound (the table's high-water mark).</summary>
    public int Bound => _next;

    public bool TryGet(string name, out int id) => _byName.TryGetValue(name, out id);

    public string Name(int id) => _names[id]!;

    /// <summary>The id of <paramref name="name"/> with one more reference, added when new.</summary>
    public int Acquire(string name)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byName, name, out var exists);
        if (!exists)
        {
            slot = NewId(name);
        }

        _references[slot]++;
        return slot;
    }

    public void AddReference(int id) => _references[id]++;

    /// <summary>Drops one reference; the last one forgets the id.</summary>
    public void Release(int id)
    {
        if (--_references[id] > 0)
        {
            return;
        }

        _byName.Remove(_names[id]!);
        _names[id] = null;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = id;
    }

    private int NewId(string name)
    {
        int id;
        if (_freeCount > 0)
        {
            id = _free[--_freeCount];
        }
        else
        {
            id = _next++;
            if (id == _names.Length)
            {
                Array.Resize(ref _names, id * 2);
                Array.Resize(ref _references, id * 2);
            }
        }

        _names[id] = name;
        _references[id] = 0;
        return id;
    }
}
