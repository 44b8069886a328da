namespace Platform.Grains.Recommendation;

/// <summary>
/// The random generators of feed ranking and exploration: unseeded by default, or seeded by
/// <see cref="Options.FeedOptions.RandomSeed"/> and the owner's key (a user id, a shard), so a run with a
/// seed is repeatable and two owners never share a sequence.
/// </summary>
public static class FeedRandom
{
    public static Random For(int? seed, string key) =>
        seed is { } s ? new Random((int)(IdHash.Of(key) ^ (uint)s)) : new Random();
}
