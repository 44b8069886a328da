using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.GrainInterfaces;
using Platform.Grains.Catalog;

namespace Platform.Tests.Grains;

public sealed class QualityMessageSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void CoEngagementMessagesSurviveTheOrleansSerializer()
    {
        var record = RoundTrip(new CoEngagementRecord("v1", ["v0", "v9"]));
        Assert.Equal("v1", record.VideoId);
        Assert.Equal(["v0", "v9"], record.RecentVideos);

        var query = RoundTrip(new CandidateQuery([1f], [2f], ["c"], [3UL], 7, ["v0"]));
        Assert.Equal(["v0"], query.RecentVideos!);

        var video = new CatalogVideo("v", "c", [0.5f], DateTimeOffset.UnixEpoch, VideoSignals.None);
        var candidate = RoundTrip(new Candidate(video, CandidateSource.CoEngagement, 1.5, 2.5));
        Assert.Equal(CandidateSource.CoEngagement, candidate.Source);
        Assert.Equal(2.5, candidate.CoEngagement);

        var edge = RoundTrip(new CoEngagementEdge("a", "b", 0.75f));
        Assert.Equal(new CoEngagementEdge("a", "b", 0.75f), edge);
    }
}
