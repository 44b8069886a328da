namespace Platform.Grains.Content;

/// <summary>
/// The sealed pages of one comment thread kept in memory: at most <c>capacity</c> of them (0 keeps none), the
/// least recently used leaving first, so a thread's memory stays a few pages however long it grows; any other page
/// is read from storage when asked for.
/// </summary>
public sealed class CommentPageCache<TPage>(int capacity)
    where TPage : class
{
    private readonly Dictionary<int, TPage> _pages = [];
    private readonly LinkedList<int> _recent = new();

    /// <summary>Pages held now (never more than the capacity).</summary>
    public int Count => _pages.Count;

    /// <summary>The page when held, which then counts as the most recently used.</summary>
    public TPage? Get(int number)
    {
        if (!_pages.TryGetValue(number, out var page))
        {
            return null;
        }

        _recent.Remove(number);
        _recent.AddFirst(number);
        return page;
    }

    /// <summary>Holds the page as the most recently used, letting the least recently used go beyond the capacity.</summary>
    public void Remember(int number, TPage page)
    {
        if (capacity == 0)
        {
            return;
        }

        _pages[number] = page;
        _recent.Remove(number);
        _recent.AddFirst(number);
        while (_recent.Count > capacity)
        {
            _pages.Remove(_recent.Last!.Value);
            _recent.RemoveLast();
        }
    }

    /// <summary>Lets the page go (its copy in memory may be ahead of storage).</summary>
    public void Forget(int number)
    {
        _pages.Remove(number);
        _recent.Remove(number);
    }
}
