using System.Buffers;
using System.Text.Json;

namespace Platform.LoadGen;

/// <summary>Writes <c>POST /v1/events</c> bodies: realistic engagement with unique event ids.</summary>
public static class EventBodies
{
    /// <summary>One engagement to write.</summary>
    public readonly record struct Engagement(string UserId, int VideoIndex, string Type, int WatchMs);

    /// <summary>A random engagement type with the rough shares of a short-video app.</summary>
    public static Engagement Random(Dataset data, Random random, string userId, int videoIndex)
    {
        var roll = random.Next(100);
        var duration = Dataset.DurationMs(videoIndex);
        return roll switch
        {
            < 68 => new(userId, videoIndex, "view", (int)(duration * random.NextDouble())),
            < 80 => new(userId, videoIndex, "skip", 0),
            < 90 => new(userId, videoIndex, "like", 0),
            < 94 => new(userId, videoIndex, "share", 0),
            _ => new(userId, videoIndex, "comment", 0),
        };
    }

    public static byte[] Write(Dataset data, ReadOnlySpan<Engagement> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Length * 128 + 32);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("eventId", data.NewId("e"));
                json.WriteString("userId", e.UserId);
                json.WriteString("videoId", data.VideoId(e.VideoIndex));
                json.WriteString("type", e.Type);
                if (e.Type == "view")
                {
                    json.WriteNumber("watchMs", e.WatchMs);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
