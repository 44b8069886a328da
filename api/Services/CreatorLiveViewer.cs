using System.Threading.Channels;

namespace Platform.Api.Services;

/// <summary>
/// One open live stream of a creator: receives the latest encoded <c>stats</c> event of its
/// creator's shared subscription. Keeps only the newest frame, so a slow reader skips stale numbers
/// instead of buffering them. Disposing it leaves the subscription (the last viewer ends it).
/// </summary>
public sealed class CreatorLiveViewer : IAsyncDisposable
{
    private readonly Channel<ReadOnlyMemory<byte>> _frames = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly CreatorLiveHub _hub;
    private int _disposed;

    internal CreatorLiveViewer(CreatorLiveHub hub, CreatorLiveSubscription subscription)
    {
        _hub = hub;
        Subscription = subscription;
    }

    /// <summary>Encoded <c>stats</c> events, newest only.</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Frames => _frames.Reader;

    internal CreatorLiveSubscription Subscription { get; }

    internal void Offer(ReadOnlyMemory<byte> frame) => _frames.Writer.TryWrite(frame);

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _hub.LeaveAsync(this) : ValueTask.CompletedTask;
}
