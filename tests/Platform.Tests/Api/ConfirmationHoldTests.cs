using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

public sealed class ConfirmationHoldTests
{
    [Fact]
    public async Task ConfirmationsRideTheNextCallToTheirVideoAndTheLastGoesAloneAfterTheHold()
    {
        // Users confirm 100 ms after their delivery; the silo holds confirmations 2 s for a call to carry them.
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Delivery:ConfirmDelay"] = "00:00:00.100",
            ["Platform:Delivery:ConfirmationHold"] = "00:00:02",
        });
        long alone = 0, confirmations = 0;
        using var listener = PlatformMeters.Listen(server.Services, "platform.video_engagement.confirmation", (name, value) =>
            Interlocked.Add(ref name == "platform.video_engagement.confirmation_calls" ? ref alone : ref confirmations, value));

        // One user at a time on one video, each half a second after the last: every delivery but the first finds the
        // previous user's confirmation waiting and carries it.
        const int Users = 4;
        var (creator, video) = (NewId("c"), NewId("v"));
        await server.Http.RegisterVideoAsync(video, creator, durationMs: 10_000);
        for (var i = 0; i < Users; i++)
        {
            await server.Http.PostEventsAsync(View(NewId("u"), video, watchMs: 4_000));
            await Task.Delay(500);
        }

        // The last confirmation has no call to ride: the sweep sends it within one and a half holds.
        await Poll.UntilAsync(() => Interlocked.Read(ref confirmations) == Users, "every user's confirmation went to the video", TimeSpan.FromSeconds(10));
        Assert.Equal(Users, (long)(await server.Http.GetJsonAsync($"/v1/videos/{video}/stats"))["views"]!);

        // One call of its own for the last; one more allowed for a confirmation timer that a busy machine ran late.
        Assert.InRange(Interlocked.Read(ref alone), 1, 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(Users, Interlocked.Read(ref confirmations));
    }
}
