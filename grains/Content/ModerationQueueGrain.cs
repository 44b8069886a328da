using Platform.GrainInterfaces;
using Platform.Grains.Storage;

namespace Platform.Grains.Content;

/// <summary>
/// The videos in review, oldest first. Writes its whole state per change: it holds what operators have yet to
/// look at (thousands), and changes at the pace of uploads held for review and of operators' decisions.
/// </summary>
public sealed class ModerationQueueGrain(
    [PersistentState(StorageNames.ModerationQueueState, StorageNames.Provider)] IPersistentState<ModerationQueueState> state)
    : Grain, IModerationQueueGrain
{
    private static readonly Comparer<ModerationItem> OldestFirst = Comparer<ModerationItem>.Create((a, b) =>
    {
        var bySince = a.Since.CompareTo(b.Since);
        return bySince != 0 ? bySince : string.CompareOrdinal(a.VideoId, b.VideoId);
    });

    private SortedSet<ModerationItem>? _order;

    private SortedSet<ModerationItem> Order => _order ??= new SortedSet<ModerationItem>(state.State.Items.Values, OldestFirst);

    public async Task EnterAsync(ModerationItem item)
    {
        if (state.State.Items.TryGetValue(item.VideoId, out var existing))
        {
            if (existing == item)
            {
                return;
            }

            Order.Remove(existing);
        }

        state.State.Items[item.VideoId] = item;
        Order.Add(item);
        await WriteAsync();
    }

    public async Task LeaveAsync(string videoId)
    {
        if (state.State.Items.Remove(videoId, out var existing))
        {
            Order.Remove(existing);
            await WriteAsync();
        }
    }

    public Task<ModerationItem[]> ListAsync(int count) => Task.FromResult(Order.Take(count).ToArray());

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage: start over from what is durable.
            DeactivateOnIdle();
            throw;
        }
    }
}
