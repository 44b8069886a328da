using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Content;
using Platform.Tests.Discovery;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Cluster;

/// <summary>
/// Two real silo processes on PostgreSQL: once a state change is answered by one gateway, both gateways agree at once
/// (feeds, following feed, search, tag page), and events from users on either silo, whose silos both held a copy of the
/// video's context, are judged by the new state.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ContentOnEverySiloTests(PostgresFixture postgres)
{
    // Enough users that their grains land on both silos (all on one: 2^-23).
    private const int Users = 24;

    [Fact]
    public async Task EveryStateChangeHoldsOnBothSilosOnceAnswered()
    {
        var settings = new ClusterSettings(await postgres.CreateDatabaseAsync());
        await using var cluster = await SiloCluster.StartAsync(settings, 2);
        var gateways = cluster.Gateways;
        var (word, creator, video) = (DiscoveryClient.UniqueWord(), NewId("c"), NewId("v"));
        Assert.Equal("published", await ContentSurfaces.RegisterAsync(gateways[0], video, creator, word));
        var users = Enumerable.Range(0, Users).Select(_ => NewId("u")).ToArray();
        await EverywhereAsync(gateways, users, video, creator, word, "registered");

        await MoveAsync(cluster, gateways[0], video, "takedown");
        await NowhereAsync(gateways, users, video, creator, word, "video taken down");

        await MoveAsync(cluster, gateways[1], video, "restore");
        await EverywhereAsync(gateways, users, video, creator, word, "restored");

        // Five reporters through both gateways: the system's move to review holds everywhere too.
        for (var i = 0; i < 5; i++)
        {
            var report = await gateways[i % 2].PostAsJsonAsync($"/v1/videos/{video}/reports", new { userId = NewId("u"), reason = "spam" });
            Assert.Equal(HttpStatusCode.Accepted, report.StatusCode);
        }

        await NowhereAsync(gateways, users, video, creator, word, "video in review");

        await MoveAsync(cluster, gateways[1], video, "approve");
        await EverywhereAsync(gateways, users, video, creator, word, "approved");

        await MoveAsync(cluster, gateways[0], video, "takedown");
        await NowhereAsync(gateways, users, video, creator, word, "video taken down");
    }

    /// <summary>Every user views the video through alternating gateways: accepted, so each user's silo keeps its context.</summary>
    private static async Task EverywhereAsync(IReadOnlyList<HttpClient> gateways, string[] users, string video, string creator, string word, string when)
    {
        for (var i = 0; i < users.Length; i++)
        {
            var answer = await gateways[i % gateways.Count].PostEventsAsync(View(users[i], video));
            Assert.True((int)answer["accepted"]! == 1, $"{when}: {users[i]}'s view answered {answer.ToJsonString()}");
        }

        foreach (var gateway in gateways)
        {
            await ContentSurfaces.AssertEverywhereAsync(gateway, video, creator, word, $"{when}, gateway {gateway.BaseAddress}");
        }
    }

    /// <summary>Right after the move's answer: every user's event is rejected for the new state, and no gateway shows the video.</summary>
    private static async Task NowhereAsync(IReadOnlyList<HttpClient> gateways, string[] users, string video, string creator, string word, string reason)
    {
        for (var i = 0; i < users.Length; i++)
        {
            var answer = await gateways[(i + 1) % gateways.Count].PostEventsAsync(View(users[i], video));
            Assert.True((int)answer["accepted"]! == 0, $"{reason}: {users[i]}'s view was accepted: {answer.ToJsonString()}");
            Assert.Equal(reason, (string)answer["rejected"]![0]!["reason"]!);
        }

        foreach (var gateway in gateways)
        {
            await ContentSurfaces.AssertNowhereAsync(gateway, video, creator, word, $"{reason}, gateway {gateway.BaseAddress}");
        }
    }

    private static async Task MoveAsync(SiloCluster cluster, HttpClient gateway, string video, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/{action}");
        request.Headers.Add("X-Api-Key", cluster.Settings.AdminKey);
        var response = await gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} answered {(int)response.StatusCode}: {body}");
        Assert.NotNull(JsonNode.Parse(body)!["state"]);
    }
}
