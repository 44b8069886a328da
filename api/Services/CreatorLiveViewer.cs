using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Platform.Api.Services;

/// <summary>
/// One open live stream of a creator: receives the latest encoded <c>stats</c> event of its creator's shared
/// subscription, and every <c>content</c> notice. Keeps only the newest stats frame, so a slow reader skips
/// stale numbers instead of buffering them; notices are events and are each kept (at most
/// <see cref="MaxNotices"/>, the oldest dropped beyond). Disposing it leaves the subscription (the last viewer ends it).
/// </summary>
public sealed class CreatorLiveViewer : IAsyncDisposable
{
    /// <summary>Notices a reader may fall behind by before the oldest are dropped.</summary>
    public const int MaxNotices = 64;

    // One wake-up for both kinds of frame, so a reader waits on one thing.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentQueue<ReadOnlyMemory<byte>> _notices = new();
    private readonly CreatorLiveHub _hub;
    private readonly Lock _lock = new();
    private ReadOnlyMemory<byte>? _stats;
    private int _disposed;

    internal CreatorLiveViewer(CreatorLiveHub hub, CreatorLiveSubscription subscription)
    {
        _hub = hub;
        Subscription = subscription;
    }

    internal CreatorLiveSubscription Subscription { get; }

    internal void Offer(ReadOnlyMemory<byte> frame)
    {
        lock (_lock)
        {
            _stats = frame;
        }

        _wake.Writer.TryWrite(true);
    }

    internal void OfferNotice(ReadOnlyMemory<byte> frame)
    {
        _notices.Enqueue(frame);
        while (_notices.Count > MaxNotices && _notices.TryDequeue(out _))
        {
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>The next frame to write: a waiting <c>content</c> notice first, else the newest <c>stats</c> event.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_notices.TryDequeue(out var notice))
            {
                return notice;
            }

            lock (_lock)
            {
                if (_stats is { } stats)
                {
                    _stats = null;
                    return stats;
                }
            }

            await _wake.Reader.ReadAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _hub.LeaveAsync(this) : ValueTask.CompletedTask;
}
