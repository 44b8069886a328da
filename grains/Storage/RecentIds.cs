namespace Platform.Grains.Storage;

/// <summary>
/// A bounded set of ids that remembers the most recent ones: at least the last <c>capacity</c> added,
/// at most an eighth more; adding past that forgets the oldest. Persisted as the ordered list; the lookup set is rebuilt on first use.
/// </summary>
[GenerateSerializer, Alias("Platform.RecentIds")]
public sealed class RecentIds
{
    [Id(0)]
    public List<string> Order { get; set; } = [];

    [NonSerialized]
    private HashSet<string>? _lookup;

    public int Count => Order.Count;

    public IReadOnlyCollection<string> Items => Order;

    public bool Contains(string id) => Lookup.Contains(id);

    /// <summary>Adds the id unless present; returns false when it was already there.</summary>
    public bool Add(string id, int capacity)
    {
        if (!Lookup.Add(id))
        {
            return false;
        }

        Order.Add(id);

        // Trim in chunks, so a full set does not shift its whole list on every add.
        if (Order.Count > capacity + (long)capacity / 8)
        {
            var excess = Order.Count - capacity;
            for (var i = 0; i < excess; i++)
            {
                _lookup!.Remove(Order[i]);
            }

            Order.RemoveRange(0, excess);
        }

        return true;
    }

    public bool Remove(string id)
    {
        if (!Lookup.Remove(id))
        {
            return false;
        }

        Order.Remove(id);
        return true;
    }

    private HashSet<string> Lookup => _lookup ??= new HashSet<string>(Order, StringComparer.Ordinal);
}
