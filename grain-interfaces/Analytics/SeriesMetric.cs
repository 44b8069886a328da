namespace Platform.GrainInterfaces;

/// <summary>
/// What a time series counts. The numeric values are positions in a bucket's values and column
/// numbers of the history table (deploy/postgres/init.sql): never renumbered, new ones at the end.
/// </summary>
public enum SeriesMetric
{
    Views = 0,
    Likes = 1,
    Shares = 2,
    Comments = 3,
    Skips = 4,
    WatchMs = 5,

    /// <summary>Creators only: follows minus unfollows.</summary>
    Followers = 6,

    /// <summary>Creators only: growth of the tips total, in cents.</summary>
    TipsCents = 7,
}
