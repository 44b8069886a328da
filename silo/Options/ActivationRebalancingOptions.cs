namespace Platform.Silo.Options;

/// <summary>
/// How fast Orleans' activation rebalancer moves grains (with their in-memory state) from busy silos to a newly
/// joined one. Section <c>Orleans:Rebalancer</c>, copied into Orleans' <c>ActivationRebalancerOptions</c>; on only
/// while <c>Platform:RebalanceActivations</c> is true (the default).
/// </summary>
/// <remarks>
/// <para>
/// The rebalancer is one grain of the cluster. While a session runs it looks at every silo's activation count once
/// per <see cref="SessionCyclePeriod"/> and has the fullest silo move a part of the gap to the emptiest one (the
/// pairs are formed from both ends of the sorted counts). The part is <c>alpha x (1 - e^(-CycleNumberWeight x cycle))
/// / (1 + SiloNumberWeight x (silos - 1)) x gap / 2</c>, where alpha is how balanced the cluster already is
/// (entropy / maximum entropy), capped at <see cref="ActivationMigrationCountLimit"/>. A session ends when the
/// cluster is balanced (<see cref="AllowedEntropyDeviation"/>) or stops improving (<see cref="MaxStagnantCycles"/>);
/// the next one starts one <see cref="SessionCyclePeriod"/> later.
/// </para>
/// <para>
/// The platform's defaults let a silo that joins under load hold 80% of an even share 17-38 s after it joined
/// (docs/cluster.md, "A joining silo takes its share"); Orleans' own took 124 s (a 60 s first wait and a slow ramp).
/// Only the due time, the cycle period, the ramp and the per-cycle cap differ from Orleans.
/// </para>
/// </remarks>
public sealed class ActivationRebalancingOptions
{
    public const string Section = "Orleans:Rebalancer";

    /// <summary>
    /// How long the rebalancer grain waits after it activates before its first session. Default 10 s (Orleans: 60 s).
    /// It is one grain, and it activates again, with this wait, whenever its silo stops: with 60 s a silo added
    /// just after a rolling stop waited more than a minute before a single grain moved. 10 s is ten rounds of the
    /// silos' load statistics (published every second), enough for a starting cluster to know its silos.
    /// </summary>
    public TimeSpan RebalancerDueTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time between two cycles of a session, and the pause before the next session. Default 10 s (Orleans: 15 s).
    /// A cycle must see the moves of the one before in the counts (moving a few hundred grains takes seconds; the
    /// counts are published every second), so much shorter risks moving the same gap twice. At least 2 s
    /// (Orleans requires twice its 1 s load-publishing period).
    /// </summary>
    public TimeSpan SessionCyclePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How fast the part of the gap moved per cycle grows within a session, in (0, 1]. Default 0.5 (Orleans: 0.1).
    /// With 0.1 the first cycles move 10%, 18%, 26% of the (damped) half gap and a joining silo needs ten cycles or
    /// more; with 0.5 they move 39%, 63%, 78%, 86%, so four or five cycles bring it most of the way. 1.0 would move
    /// 63% at once, a burst of migrations while the new silo is still warming up.
    /// </summary>
    public double CycleNumberWeight { get; set; } = 0.5;

    /// <summary>
    /// Damping for larger clusters, in [0, 1]; lower moves faster. Default 0.1 (Orleans' default, kept: it only
    /// fine-tunes, and 3-4 silos lose 20-30% of the step to it).
    /// </summary>
    public double SiloNumberWeight { get; set; } = 0.1;

    /// <summary>
    /// Most activations one silo hands to another in one cycle, at least 1. Default 1,000 (Orleans: no limit).
    /// Each moving grain writes what it has not written and its callers wait while it moves; without a cap a silo
    /// joining a cluster of 100,000 activations per silo would be sent tens of thousands in one cycle. At 10 s
    /// cycles this allows 100 moves a second per silo pair: a joining silo still gets a few thousand grains within
    /// a minute; raise it for clusters where a silo's share is much larger.
    /// </summary>
    public int ActivationMigrationCountLimit { get; set; } = 1_000;

    /// <summary>
    /// Cycles in a row without a real improvement (<see cref="EntropyQuantum"/>) after which a session stops and
    /// waits a cycle period. Default 3 (Orleans' default, kept: under steady load the counts move a little all the
    /// time, and three quiet cycles, 30 s, mean the moves have done what they can).
    /// </summary>
    public int MaxStagnantCycles { get; set; } = 3;

    /// <summary>
    /// The least change of the cluster's normalized entropy that counts as an improvement, in (0, 0.1].
    /// Default 0.0001 (Orleans' default, kept: a cycle that moves even a few grains of a thousand exceeds it).
    /// </summary>
    public double EntropyQuantum { get; set; } = 0.0001;

    /// <summary>
    /// How close to a perfect balance (normalized entropy deviation) ends a session as done, in (0, 0.1].
    /// Default 0.0001 (Orleans' default, kept: 80% of an even share on one of three silos is still 0.009, so
    /// sessions go on well past the share the platform asks for; scaled up for large clusters below).
    /// </summary>
    public double AllowedEntropyDeviation { get; set; } = 0.0001;

    /// <summary>
    /// Whether <see cref="AllowedEntropyDeviation"/> grows tenfold per decade of activations above
    /// <see cref="ScaledEntropyDeviationActivationThreshold"/> (up to 0.1). Default true (Orleans' default, kept: a
    /// few grains off balance matter less among a million).
    /// </summary>
    public bool ScaleAllowedEntropyDeviation { get; set; } = true;

    /// <summary>
    /// Activations in the cluster from which the allowed deviation scales, at least 1,000. Default 10,000
    /// (Orleans' default, kept: Orleans discourages lower values).
    /// </summary>
    public int ScaledEntropyDeviationActivationThreshold { get; set; } = 10_000;
}
