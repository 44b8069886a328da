using Platform.Grains.Storage;

namespace Platform.Tests.Grains;

public sealed class CallMergerTests
{
    [Fact]
    public async Task SendsWhileACallIsUnderWayShareTheNextCallInArrivalOrder()
    {
        var calls = new List<(string Key, int[] Items)>();
        var first = new TaskCompletionSource();
        var merger = new CallMerger<int>((key, items) =>
        {
            lock (calls)
            {
                calls.Add((key, items));
                return calls.Count == 1 ? first.Task : Task.CompletedTask;
            }
        }, maxItemsPerCall: 100);

        var a = merger.SendAsync("c1", [1, 2]);
        var b = merger.SendAsync("c1", [3]);
        var c = merger.SendAsync("c1", [4, 5]);
        var other = merger.SendAsync("c2", [9]);
        await other;
        Assert.False(a.IsCompleted);
        Assert.False(b.IsCompleted);

        first.SetResult();
        await Task.WhenAll(a, b, c);

        Assert.Equal([1, 2], calls.Single(call => call.Key == "c1" && call.Items[0] == 1).Items);
        Assert.Equal([3, 4, 5], calls.Single(call => call.Key == "c1" && call.Items[0] == 3).Items);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public async Task AFailedCallFailsEverySenderItCarriedAndTheNextSendGoesOutAgain()
    {
        var gate = new TaskCompletionSource();
        var sent = 0;
        var merger = new CallMerger<int>(async (_, items) =>
        {
            if (Interlocked.Increment(ref sent) == 1)
            {
                await gate.Task;
                return;
            }

            throw new InvalidOperationException($"receiver down ({items.Length} items)");
        }, maxItemsPerCall: 100);

        var carried = merger.SendAsync("c", [1]);
        var b = merger.SendAsync("c", [2]);
        var c = merger.SendAsync("c", [3]);
        gate.SetResult();
        await carried;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => b);
        Assert.Equal("receiver down (2 items)", failure.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => c);
        await Assert.ThrowsAsync<InvalidOperationException>(() => merger.SendAsync("c", [4]));
        Assert.Equal(3, sent);
    }

    [Fact]
    public async Task ASenderIsNeverSplitAndACallStaysWithinTheLimitOtherwise()
    {
        var sizes = new List<int>();
        var first = new TaskCompletionSource();
        var merger = new CallMerger<int>((_, items) =>
        {
            lock (sizes)
            {
                sizes.Add(items.Length);
                return sizes.Count == 1 ? first.Task : Task.CompletedTask;
            }
        }, maxItemsPerCall: 3);

        var sends = new List<Task> { merger.SendAsync("c", [0]) };
        sends.Add(merger.SendAsync("c", [1, 2]));
        sends.Add(merger.SendAsync("c", [3, 4]));
        sends.Add(merger.SendAsync("c", [5, 6, 7, 8]));
        first.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal([1, 2, 2, 4], sizes);
    }
}
