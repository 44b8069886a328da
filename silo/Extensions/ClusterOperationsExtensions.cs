using Orleans.Configuration;
using Platform.Silo.Options;

namespace Platform.Silo.Extensions;

/// <summary>
/// Operator settings of a multi-silo cluster: failure detection and messaging timeouts bound from
/// configuration, and activation rebalancing when silos join.
/// </summary>
public static class ClusterOperationsExtensions
{
    /// <summary>Configuration section bound to Orleans' <see cref="ClusterMembershipOptions"/> (probe timeouts, votes, ...).</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>Configuration section bound to Orleans' <see cref="SiloMessagingOptions"/> (ResponseTimeout, ...).</summary>
    public const string MessagingSection = "Orleans:Messaging";

    /// <summary>Configuration section of <see cref="ActivationRebalancingOptions"/>, copied into Orleans' <see cref="ActivationRebalancerOptions"/>.</summary>
    public const string RebalancerSection = ActivationRebalancingOptions.Section;

    /// <summary>Key switching the activation rebalancer: <c>true</c> (default) moves activations toward balance after a silo joins.</summary>
    public const string RebalanceKey = "Platform:RebalanceActivations";

    /// <summary>
    /// Key choosing Orleans' strongly consistent grain directory (<c>true</c>, default) over the older eventually
    /// consistent one: a silo that stops gracefully hands its directory ranges over instead of making the other silos
    /// deactivate every grain registered with it (which let a second activation start while the first still ran).
    /// Every silo of a cluster must use the same directory.
    /// </summary>
    public const string DistributedDirectoryKey = "Platform:DistributedGrainDirectory";

    /// <summary>Key switching Kubernetes hosting on (<c>true</c>): silo name from the pod, dead pods' silos declared dead. Default false.</summary>
    public const string KubernetesKey = "Platform:Kubernetes";

    public static ISiloBuilder AddPlatformClusterOperations(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (configuration.GetValue(KubernetesKey, false))
        {
            // Reads POD_NAME, POD_NAMESPACE, POD_IP and ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID (deploy/k8s),
            // and deletes the membership of silos whose pods are gone.
            silo.UseKubernetesHosting();
        }

        if (configuration.GetValue(DistributedDirectoryKey, true))
        {
            // Experimental in Orleans 10 (ORLEANSEXP003).
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        }

        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        silo.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));
        if (configuration.GetValue(RebalanceKey, true))
        {
            silo.Services.AddActivationRebalancingOptions();

            // Experimental in Orleans 10 (ORLEANSEXP002): migrates activations, with their in-memory
            // state, from busy silos to a newly joined one, a bounded number per cycle.
#pragma warning disable ORLEANSEXP002
            silo.AddActivationRebalancer();
#pragma warning restore ORLEANSEXP002
        }

        return silo;
    }
}
