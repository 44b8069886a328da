namespace Platform.Tests.Infrastructure.Cluster;

/// <summary>What a video's counters must read once the events the load generator got a 202 for are in.</summary>
public sealed class ExpectedCounters
{
    public long Views;
    public long Shares;
    public long Comments;
    public long WatchMs;
}
