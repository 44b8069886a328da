using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>One metric of a video or creator at one resolution: every bucket of the window, oldest first, zeros included.</summary>
public sealed record TimeSeriesResponse(string Metric, string Resolution, SeriesPoint[] Points);
