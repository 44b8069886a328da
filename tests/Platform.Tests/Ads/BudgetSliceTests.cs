using Platform.Grains.Ads;

namespace Platform.Tests.Ads;

public sealed class BudgetSliceTests
{
    [Fact]
    public async Task ConcurrentSpendingTakesExactlyTheAmountAndNothingAfterClose()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(1);
        for (var round = 0; round < 50; round++)
        {
            var slice = new BudgetSlice(1, 7 * 300 + 299, expires);
            var taken = 0;
            long finalAtClose = -1;
            var takenAfterClose = 0;
            var closed = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            {
                for (var i = 0; i < 5; i++)
                {
                    if (worker == 0 && i == 2 && round % 2 == 0)
                    {
                        finalAtClose = slice.Close();
                        Volatile.Write(ref closed, 1);
                    }

                    var wasClosed = Volatile.Read(ref closed) == 1;
                    if (slice.TryTake(300, DateTimeOffset.UtcNow))
                    {
                        Interlocked.Increment(ref taken);
                        if (wasClosed)
                        {
                            Interlocked.Increment(ref takenAfterClose);
                        }
                    }
                }
            })));

            Assert.Equal(0, takenAfterClose);
            if (finalAtClose >= 0)
            {
                Assert.Equal(finalAtClose, taken * 300L);
            }
            else
            {
                Assert.Equal(7, taken);
                Assert.Equal(7 * 300, slice.SpentMillicents);
            }
        }
    }

    [Fact]
    public void ExpiredSliceTakesNothing()
    {
        var slice = new BudgetSlice(1, 1_000, DateTimeOffset.UtcNow);
        Assert.False(slice.TryTake(1, DateTimeOffset.UtcNow.AddMilliseconds(1)));
        Assert.Equal(0, slice.SpentMillicents);
    }
}
