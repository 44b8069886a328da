using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Discovery;

[Collection(PlatformCollection.Name)]
public sealed class DiscoveryMessageSerializationTests(PlatformServerFixture platform)
{
    public static TheoryData<object> Messages() => new()
    {
        new SearchHit("v-1", "c-1", "三分钟学会刀工", ["cooking", "刀工"], 2.5, DateTimeOffset.UnixEpoch),
        new TrendingTag("cooking", 12.25, 3),
        new CatalogVideo("v-1", "c-1", [0.1f], DateTimeOffset.UnixEpoch, VideoSignals.None) { Title = "Knife skills", Tags = ["cooking"] },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void DiscoveryMessageRoundTripsThroughTheOrleansSerializer(object message)
    {
        var serializer = platform.Server.Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Json.JsonSerializer.Serialize(copy));
    }
}
