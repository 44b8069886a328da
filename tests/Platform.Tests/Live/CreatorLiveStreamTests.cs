using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Services;
using Platform.GrainInterfaces;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Live;

/// <summary>GET /v1/creators/{id}/live through real HTTP on a real single-node platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CreatorLiveStreamTests(PlatformServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private HttpClient Http => fixture.Http;

    private CreatorLiveHub Hub => fixture.Server.Services.GetRequiredService<CreatorLiveHub>();

    private ICreatorGrain Creator(string creatorId) =>
        fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<ICreatorGrain>(creatorId);

    [Fact]
    public async Task StreamOpensWithTheCreatorsCurrentStats()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        await Http.PostEventsAsync(View(NewId("u"), videoId, 4_000), View(NewId("u"), videoId, 6_000), Engage("like", NewId("u"), videoId),
            Follow(NewId("u"), creatorId));

        await using var stream = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var (stats, _) = await stream.NextStatsAsync(Patience);
        var expected = await Http.GetJsonAsync($"/v1/creators/{creatorId}/stats");
        Assert.True(JsonNode.DeepEquals(expected, stats), $"stream: {stats}\nstats: {expected}");
        Assert.Equal(2, (long)stats["views"]!);
        Assert.Equal(1, (long)stats["likes"]!);
        Assert.Equal(1, (long)stats["followers"]!);
        Assert.Equal(10_000, (long)stats["watchMsTotal"]!);
    }

    [Fact]
    public async Task ChangeReachesTheStreamWithinOneSecond()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        await using var stream = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
        await stream.NextStatsAsync(Patience);

        foreach (var (type, field, expected) in new[] { ("like", "likes", 1L), ("share", "shares", 1L), ("comment", "comments", 1L) })
        {
            await Http.PostEventsAsync(Engage(type, NewId("u"), videoId));
            var applied = Stopwatch.GetTimestamp();
            var (stats, arrivedAt, _) = await stream.WaitForStatsAsync(s => (long)s[field]! == expected, Patience);
            var delay = Stopwatch.GetElapsedTime(applied, arrivedAt);
            Assert.True(delay < TimeSpan.FromSeconds(1), $"{type} reached the stream after {delay.TotalMilliseconds:F0} ms");
            Assert.Equal(creatorId, (string)stats["creatorId"]!);
        }

        await Http.PostEventsAsync(Follow(NewId("u"), creatorId));
        var followed = Stopwatch.GetTimestamp();
        var (_, followArrivedAt, _) = await stream.WaitForStatsAsync(s => (long)s["followers"]! == 1, Patience);
        Assert.True(Stopwatch.GetElapsedTime(followed, followArrivedAt) < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ViralBurstArrivesCoalescedWithExactTotals()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        var other = NewId("v");
        await Http.RegisterVideoAsync(other, creatorId);
        await using var stream = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
        await stream.NextStatsAsync(Patience);

        // 60 requests of 10 events each, 4 at a time: 600 views and 60 likes, far more changes than messages.
        const int Requests = 60, PerRequest = 10;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var events = new List<object>();
            for (var j = 0; j < PerRequest - 1; j++)
            {
                events.Add(View(NewId("u"), j % 3 == 0 ? other : videoId, 1_000));
            }

            events.Add(Engage("like", NewId("u"), videoId));
            await Http.PostEventsAsync([.. events]);
        });
        var (last, arrivedAt, messages) = await stream.WaitForStatsAsync(s => (long)s["views"]! == Requests * (PerRequest - 1), Patience);
        var elapsed = Stopwatch.GetElapsedTime(started, arrivedAt);

        // The grain notifies at once after a quiet spell, then at most every 250 ms: k + 1 messages take at least k * 250 ms.
        var allowed = (int)Math.Ceiling(elapsed.TotalSeconds * 4) + 1;
        Assert.True(messages <= allowed, $"{messages} messages in {elapsed.TotalMilliseconds:F0} ms (allowed {allowed}) for {Requests} requests");
        Assert.True(messages * 10 < Requests * PerRequest, $"{messages} messages for {Requests * PerRequest} events");

        var expected = await Http.GetJsonAsync($"/v1/creators/{creatorId}/stats");
        Assert.True(JsonNode.DeepEquals(expected, last), $"stream: {last}\nstats: {expected}");
        Assert.Equal(Requests, (long)last["likes"]!);
        Assert.Equal(Requests * (PerRequest - 1) * 1_000L, (long)last["watchMsTotal"]!);
    }

    [Fact]
    public async Task ViewersOfOneCreatorShareOneSubscription()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        var streams = new List<EventStreamReader>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var stream = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
                streams.Add(stream);
                await stream.NextStatsAsync(Patience);
            }

            Assert.True(Hub.IsWatching(creatorId));
            Assert.Equal(1, await Creator(creatorId).GetSubscriberCountAsync());
            await Poll.UntilAsync(async () => (Exported: OpenStreams(await Http.GetStringAsync("/metrics")), Hub.StreamCount),
                seen => seen.Exported >= streams.Count, "/metrics counts the open streams");

            await Http.PostEventsAsync(View(NewId("u"), videoId, 2_000), View(NewId("u"), videoId, 3_000));
            foreach (var stream in streams)
            {
                var (stats, _, _) = await stream.WaitForStatsAsync(s => (long)s["views"]! == 2, Patience);
                Assert.Equal(5_000, (long)stats["watchMsTotal"]!);
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ClosingEveryStreamEndsTheSubscription()
    {
        var (creatorId, videoId) = await NewCreatorWithVideoAsync();
        var first = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
        var second = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
        await first.NextStatsAsync(Patience);
        await second.NextStatsAsync(Patience);
        Assert.Equal(1, await Creator(creatorId).GetSubscriberCountAsync());

        await first.DisposeAsync();
        await Http.PostEventsAsync(View(NewId("u"), videoId));
        await second.WaitForStatsAsync(s => (long)s["views"]! == 1, Patience);
        Assert.True(Hub.IsWatching(creatorId), "one viewer is still open");

        await second.DisposeAsync();
        await Poll.UntilAsync(async () => !Hub.IsWatching(creatorId) && await Creator(creatorId).GetSubscriberCountAsync() == 0,
            "the gateway and the grain drop the subscription once the last viewer closed");

        // Watching again starts afresh, with the numbers as they are now.
        await using var again = await EventStreamReader.OpenAsync(fixture.Server.Address, $"/v1/creators/{creatorId}/live");
        var (stats, _) = await again.NextStatsAsync(Patience);
        Assert.Equal(1, (long)stats["views"]!);
        Assert.Equal(1, await Creator(creatorId).GetSubscriberCountAsync());
    }

    [Fact]
    public async Task InvalidCreatorIdIsRejected()
    {
        var response = await Http.GetAsync("/v1/creators/not%20valid!/live");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("creatorId", out _));
    }

    private async Task<(string CreatorId, string VideoId)> NewCreatorWithVideoAsync()
    {
        var creatorId = NewId("c");
        var videoId = NewId("v");
        var response = await Http.RegisterVideoAsync(videoId, creatorId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (creatorId, videoId);
    }

    private static double OpenStreams(string metrics) =>
        PrometheusText.Series(metrics, "platform_live_streams").Select(s => s.Value).DefaultIfEmpty(-1).Max();
}
