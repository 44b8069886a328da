using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.GrainInterfaces;

namespace Platform.Api.Services;

/// <summary>A live <c>stats</c> event's JSON with the creator's earnings: the counters' fields, plus <c>earnings</c>.</summary>
internal static class LiveStatsFrame
{
    public static byte[] Serialize(CreatorStats stats, CreatorEarnings earnings, JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(stats, json)!.AsObject();
        node["earnings"] = JsonSerializer.SerializeToNode(earnings, json);
        return JsonSerializer.SerializeToUtf8Bytes(node, json);
    }
}
