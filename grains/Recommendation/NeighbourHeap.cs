namespace Platform.Grains.Recommendation;

/// <summary>
/// One anchor's weighted targets in a co-engagement index, at most a given number of them: a binary min-heap on weight
/// (with each target's place in it), so the weakest target is known at once when a new one must push it out. Weights
/// only grow (<see cref="Add"/>) or all scale together (<see cref="Rescale"/>), which keeps the heap's order cheap:
/// strengthening a target moves it down at most log2(count) places. Before, finding the weakest was a scan of every
/// target on each new edge of a full anchor: 12% of the silo's CPU under uniform ingest.
/// </summary>
internal sealed class NeighbourHeap
{
    private readonly Dictionary<string, int> _place = new(StringComparer.Ordinal);
    private string[] _targets = new string[4];
    private float[] _weights = new float[4];

    public int Count { get; private set; }

    /// <summary>The sum of all weights.</summary>
    public float Total { get; private set; }

    /// <summary>The index's clock when a target of this anchor was last strengthened.</summary>
    public long LastStrengthened { get; set; }

    /// <summary>The target at position <paramref name="i"/> (0..Count-1, heap order: no meaning beyond enumeration).</summary>
    public string TargetAt(int i) => _targets[i];

    /// <summary>The weight at position <paramref name="i"/>.</summary>
    public float WeightAt(int i) => _weights[i];

    public float Weight(string target) => _place.TryGetValue(target, out var i) ? _weights[i] : 0;

    /// <summary>
    /// Strengthens <paramref name="target"/> by <paramref name="weight"/> (&gt; 0). A new target past
    /// <paramref name="capacity"/> pushes out the weakest of the others. Returns the change in the number of targets
    /// (1 for a new one below capacity, else 0); <paramref name="intern"/> gives the instance of a new target to keep.
    /// </summary>
    public int Add(string target, float weight, int capacity, Func<string, string> intern)
    {
        Total += weight;
        if (_place.TryGetValue(target, out var i))
        {
            _weights[i] += weight;
            var child = (2 * i) + 1;
            if (child < Count && (_weights[child] < _weights[i] || (child + 1 < Count && _weights[child + 1] < _weights[i])))
            {
                SiftDown(i);
            }

            return 0;
        }

        var grew = 1;
        if (Count >= capacity)
        {
            RemoveAt(0);
            grew = 0;
        }

        if (Count == _targets.Length)
        {
            Array.Resize(ref _targets, Math.Min(Math.Max(capacity, 4), Count * 2));
            Array.Resize(ref _weights, _targets.Length);
        }

        _targets[Count] = intern(target);
        _weights[Count] = weight;
        SiftUp(Count++);
        return grew;
    }

    public bool Remove(string target)
    {
        if (!_place.TryGetValue(target, out var i))
        {
            return false;
        }

        RemoveAt(i);
        return true;
    }

    /// <summary>Multiplies every weight (and the total) by <paramref name="factor"/> (&gt; 0: the order stays).</summary>
    public void Rescale(float factor)
    {
        for (var i = 0; i < Count; i++)
        {
            _weights[i] *= factor;
        }

        Total *= factor;
    }

    private void RemoveAt(int i)
    {
        Total -= _weights[i];
        _place.Remove(_targets[i]);
        var last = --Count;
        if (i != last)
        {
            _targets[i] = _targets[last];
            _weights[i] = _weights[last];
            if (!SiftUp(i))
            {
                SiftDown(i);
            }
        }

        _targets[last] = null!;
    }

    /// <summary>Moves the target at <paramref name="i"/> up past heavier parents and records its place; false when it stayed.</summary>
    private bool SiftUp(int i)
    {
        var (target, weight, start) = (_targets[i], _weights[i], i);
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_weights[parent] <= weight)
            {
                break;
            }

            MoveTo(parent, i);
            i = parent;
        }

        Place(target, weight, i);
        return i != start;
    }

    /// <summary>Moves the target at <paramref name="i"/> down past lighter children and records its place.</summary>
    private void SiftDown(int i)
    {
        var (target, weight) = (_targets[i], _weights[i]);
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _weights[child + 1] < _weights[child])
            {
                child++;
            }

            if (_weights[child] >= weight)
            {
                break;
            }

            MoveTo(child, i);
            i = child;
        }

        Place(target, weight, i);
    }

    private void MoveTo(int from, int to)
    {
        _targets[to] = _targets[from];
        _weights[to] = _weights[from];
        _place[_targets[to]] = to;
    }

    private void Place(string target, float weight, int i)
    {
        _targets[i] = target;
        _weights[i] = weight;
        _place[target] = i;
    }
}
