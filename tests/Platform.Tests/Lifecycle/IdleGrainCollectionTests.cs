using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Lifecycle;

/// <summary>
/// Idle grains leave memory (<c>Platform:Activations:IdleAge</c>), writing what they had not written, and come back
/// from storage with everything they counted: what keeps a long run's memory flat while users come and go.
/// </summary>
public sealed class IdleGrainCollectionTests
{
    [Fact]
    public async Task IdleUsersAndVideosLeaveMemoryAndComeBackWithTheirCounts()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:Activations:IdleAge"] = "00:00:03",
            ["Platform:Activations:CollectionInterval"] = "00:00:01",
        });
        var http = server.Http;
        var video = ApiClient.NewId("v");
        (await http.RegisterVideoAsync(video, ApiClient.NewId("c"))).EnsureSuccessStatusCode();
        var users = Enumerable.Range(0, 10).Select(_ => ApiClient.NewId("u")).ToArray();
        foreach (var user in users)
        {
            await http.PostEventsAsync(ApiClient.View(user, video), ApiClient.Engage("like", user, video));
        }

        var management = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        async Task<int> ActiveAsync(string grainType, IReadOnlyCollection<string> keys) =>
            (await management.GetActiveGrains(GrainType.Create(grainType))).Count(id => keys.Contains(id.Key.ToString()));

        Assert.Equal(users.Length, await ActiveAsync("user", users));
        Assert.Equal(1, await ActiveAsync("video", [video]));

        // Idle for 3 s, collected at the next 1 s check: well within 30 s even on a starved machine.
        await Poll.UntilAsync(async () => await ActiveAsync("user", users) == 0 && await ActiveAsync("video", [video]) == 0,
            "the idle users and video are collected", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, await ActiveAsync("user", users));
        Assert.Equal(0, await ActiveAsync("video", [video]));

        foreach (var user in users)
        {
            var stats = await http.GetJsonAsync($"/v1/users/{user}");
            Assert.Equal(1, (long)stats["views"]!);
            Assert.Equal(1, (long)stats["likes"]!);
        }

        var videoStats = await http.GetJsonAsync($"/v1/videos/{video}/stats");
        Assert.Equal(users.Length, (long)videoStats["views"]!);
        Assert.Equal(users.Length, (long)videoStats["likes"]!);
    }
}
