using Microsoft.Diagnostics.Runtime;

namespace Platform.HeapStat;

/// <summary>Marks the objects reachable from the heap's roots (what a full garbage collection would keep).</summary>
internal static class LiveObjects
{
    public static HashSet<ulong> Mark(ClrHeap heap)
    {
        var live = new HashSet<ulong>();
        var pending = new Stack<ulong>();
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.Address != 0 && live.Add(root.Object.Address))
            {
                pending.Push(root.Object.Address);
            }
        }

        while (pending.Count > 0)
        {
            var obj = heap.GetObject(pending.Pop());
            if (!obj.IsValid)
            {
                continue;
            }

            foreach (var reference in obj.EnumerateReferenceAddresses(carefully: false, considerDependantHandles: true))
            {
                if (reference != 0 && live.Add(reference))
                {
                    pending.Push(reference);
                }
            }
        }

        return live;
    }
}
