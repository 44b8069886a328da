using System.Text.Json;
using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>Validates a <c>POST /v1/events</c> body: every rule of the contract, all or nothing.</summary>
public static class EventBatchParser
{
    public const int MaxEvents = 1000;

    /// <summary>Upper bound of a view's watch time: one day.</summary>
    public const long MaxWatchMs = 86_400_000;

    private static readonly Dictionary<string, EngagementType> Types = Enum.GetValues<EngagementType>()
        .ToDictionary(t => JsonNamingPolicy.CamelCase.ConvertName(t.ToString()), StringComparer.Ordinal);

    public static UserEvent[]? Parse(JsonElement root, DateTimeOffset now, ValidationErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        if (!root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("events", "'events' must be an array.");
            return null;
        }

        var count = list.GetArrayLength();
        if (count is < 1 or > MaxEvents)
        {
            errors.Add("events", $"'events' must hold 1 to {MaxEvents} events.");
            return null;
        }

        var events = new UserEvent[count];
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"events[{index}]";
            var parsed = ParseOne(item, path, now, errors);
            if (parsed is { } e)
            {
                events[index] = e;
            }

            index++;
        }

        return errors.Any ? null : events;
    }

    private static UserEvent? ParseOne(JsonElement item, string path, DateTimeOffset now, ValidationErrors errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Each event must be a JSON object.");
            return null;
        }

        var eventId = JsonFields.Id(item, "eventId", path, errors);
        var userId = JsonFields.Id(item, "userId", path, errors);
        var typeName = JsonFields.String(item, "type", path, errors);
        EngagementType? type = null;
        if (typeName is not null)
        {
            if (Types.TryGetValue(typeName, out var t))
            {
                type = t;
            }
            else
            {
                errors.Add(JsonFields.Join(path, "type"), $"'type' must be one of: {string.Join(", ", Types.Keys)}.");
            }
        }

        var social = type is EngagementType.Follow or EngagementType.Unfollow;
        var videoId = JsonFields.Id(item, "videoId", path, errors, required: type is not null && !social);
        var creatorId = JsonFields.Id(item, "creatorId", path, errors, required: social);
        var watchMs = JsonFields.Integer(item, "watchMs", path, errors, 0, MaxWatchMs, required: type == EngagementType.View);
        var at = JsonFields.Timestamp(item, "at", path, errors);

        if (eventId is null || userId is null || type is null || (social ? creatorId is null : videoId is null))
        {
            return null;
        }

        var e = new EngagementEvent(eventId, type.Value, social ? null : videoId, social ? creatorId : null, watchMs ?? 0, at ?? now);
        return new UserEvent(userId, e);
    }
}
