namespace Platform.Grains.Analytics;

/// <summary>
/// A grain state that owes rows to the history table. The storage takes them when it writes the state and
/// writes both in one transaction (silo/Storage/PostgresStateWriter), so a bucket grows exactly when the
/// counters it mirrors do; a failed write drops the activation, and with it these rows, as it drops the
/// counters not yet durable.
/// </summary>
public interface ISeriesRowSource
{
    /// <summary>The rows gathered since the last call (empty when none), leaving none behind.</summary>
    SeriesRow[] TakeSeriesRows();
}
