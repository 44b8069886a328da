using System.Text.Json.Serialization;
using Platform.GrainInterfaces;

namespace Platform.Api.Contracts;

/// <summary>A user's feed page; <paramref name="Experiments"/> names the user's variant of each running experiment (absent when none).</summary>
public sealed record FeedResponse(
    string UserId,
    string RequestId,
    FeedItem[] Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string>? Experiments = null);
