using System.Diagnostics;
using System.Net;
using Orleans.Runtime;
using Platform.GrainInterfaces;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Live;

/// <summary>The live stream served by client-api while the creator's grain lives in a silo process.</summary>
public sealed class StandaloneGatewayLiveTests(SplitPlatformFixture fixture) : IClassFixture<SplitPlatformFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private HttpClient Http => fixture.Gateway.Http;

    [Fact]
    public async Task StandaloneGatewayStreamsChangesAndReleasesTheGrainRegistration()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        var creator = fixture.Grains.GetGrain<ICreatorGrain>(creatorId);

        await using (var stream = await EventStreamReader.OpenAsync(fixture.Gateway.Address, $"/v1/creators/{creatorId}/live"))
        {
            var (snapshot, _) = await stream.NextStatsAsync(Patience);
            Assert.Equal(0, (long)snapshot["views"]!);
            Assert.Equal(1, await creator.GetSubscriberCountAsync());

            await Http.PostEventsAsync(View(NewId("u"), videoId, 7_000), Engage("like", NewId("u"), videoId));
            var applied = Stopwatch.GetTimestamp();
            var (stats, arrivedAt, _) = await stream.WaitForStatsAsync(s => (long)s["views"]! == 1 && (long)s["likes"]! == 1, Patience);
            Assert.True(Stopwatch.GetElapsedTime(applied, arrivedAt) < TimeSpan.FromSeconds(1),
                $"the change crossed processes in {Stopwatch.GetElapsedTime(applied, arrivedAt).TotalMilliseconds:F0} ms");
            Assert.Equal(7_000, (long)stats["watchMsTotal"]!);
        }

        await Poll.UntilAsync(async () => await creator.GetSubscriberCountAsync() == 0, "the gateway's registration ends with its last viewer");
    }

    [Fact]
    public async Task QuietStreamCarriesKeepAliveComments()
    {
        var (creatorId, _) = await NewCreatorWithVideoAsync();
        await using var stream = await EventStreamReader.OpenAsync(fixture.Gateway.Address, $"/v1/creators/{creatorId}/live");
        await stream.NextStatsAsync(Patience);

        // Configured at 1 s here (10 s by default, at most 15 s).
        var comment = await stream.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ServerSentEvent.Comment, comment.Event);
        var second = await stream.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ServerSentEvent.Comment, second.Event);
    }

    [Fact]
    public async Task StreamCatchesUpAfterTheCreatorGrainIsDeactivated()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        await using var stream = await EventStreamReader.OpenAsync(fixture.Gateway.Address, $"/v1/creators/{creatorId}/live");
        await stream.NextStatsAsync(Patience);

        // Dropping every idle activation loses the grain's in-memory registrations; the gateway's
        // next renewal (every second here) registers again and brings the numbers it missed.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Http.PostEventsAsync(View(NewId("u"), videoId, 1_000), View(NewId("u"), videoId, 1_000), View(NewId("u"), videoId, 1_000));

        var (stats, _, _) = await stream.WaitForStatsAsync(s => (long)s["views"]! == 3, Patience);
        Assert.Equal(3_000, (long)stats["watchMsTotal"]!);
        await Http.PostEventsAsync(Engage("share", NewId("u"), videoId));
        await stream.WaitForStatsAsync(s => (long)s["shares"]! == 1, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task StandaloneGatewayServesTheStudioPage()
    {
        var response = await Http.GetAsync($"/creators/{NewId("c")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Creator studio", await response.Content.ReadAsStringAsync());
    }

    private async Task<(string CreatorId, string VideoId)> NewCreatorWithVideoAsync()
    {
        var creatorId = NewId("c");
        var videoId = NewId("v");
        var response = await Http.RegisterVideoAsync(videoId, creatorId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (creatorId, videoId);
    }
}
