using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>The body of <c>GET /v1/admin/experiments/{id}</c> (and of a creation or stop).</summary>
public sealed record ExperimentResponse(string ExperimentId, string State, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, VariantReport[] Variants)
{
    public static ExperimentResponse From(ExperimentReport report) =>
        new(report.ExperimentId, report.Running ? "running" : "stopped", report.StartedAt, report.StoppedAt, report.Variants);
}
