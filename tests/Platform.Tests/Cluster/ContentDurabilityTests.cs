using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using Platform.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace Platform.Tests.Cluster;

/// <summary>
/// State changes, audit logs, the moderation queue and comments on real silo processes and PostgreSQL survive SIGKILL of
/// the silos holding them: first one of two (the survivor takes over), then all of them. Comment pages of 10 with 2
/// cached: the 105 comments are 10 sealed pages in their own rows plus the head, and listings read most pages back from
/// PostgreSQL. After the restart a near copy of a fingerprint registered before the kills is still caught.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ContentDurabilityTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Comments = 105;

    private const ulong Print = 0x0F1E_2D3C_4B5A_6978;

    [Fact]
    public async Task StateChangesAndCommentsSurviveSigkillOfTheirSilos()
    {
        var settings = new ClusterSettings(await postgres.CreateDatabaseAsync())
        {
            Overrides = new Dictionary<string, string>
            {
                ["Platform:Moderation:CommentPageSize"] = "10",
                ["Platform:Moderation:CachedCommentPages"] = "2",
                ["Platform:Catalog:SnapshotInterval"] = "00:00:01",
            },
        };
        var (creator, original) = (ApiClient.NewId("c"), ApiClient.NewId("v"));
        var (rejected, restored, reviewed, commented) = (ApiClient.NewId("v"), ApiClient.NewId("v"), ApiClient.NewId("v"), ApiClient.NewId("v"));
        var commentIds = Enumerable.Range(0, Comments).Select(i => $"{commented}-{i:D3}").ToArray();
        string[] expectedListing;
        var cluster = await SiloCluster.StartAsync(settings, 2);
        try
        {
            var http = cluster.Http;
            await RegisterAsync(http, original, ApiClient.NewId("c"), Print);
            await RegisterAsync(http, rejected, creator, Print ^ 0b101);
            await RegisterAsync(http, reviewed, creator, Print ^ 0b11);
            await RegisterAsync(http, restored, creator, null);
            await RegisterAsync(http, commented, creator, null);
            Assert.Equal(HttpStatusCode.OK, (await AdminAsync(cluster, settings, $"/v1/admin/videos/{rejected}/reject", new { note = "copy" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await AdminAsync(cluster, settings, $"/v1/admin/videos/{restored}/takedown", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await AdminAsync(cluster, settings, $"/v1/admin/videos/{restored}/restore", null)).StatusCode);

            for (var i = 0; i < Comments; i++)
            {
                var response = await cluster.Gateways[i % 2].PostAsJsonAsync($"/v1/videos/{commented}/comments",
                    new { commentId = commentIds[i], userId = $"u-{i % 7}", text = $"comment {i}", parentId = i == 104 ? commentIds[3] : null });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await AdminAsync(cluster, settings, $"/v1/admin/comments/{commentIds[10]}/hide", null)).StatusCode);
            expectedListing = [.. commentIds.Reverse().Where(id => id != commentIds[10])];
            Assert.Equal(Comments / 10, await PostgresQuery.ScalarAsync(
                settings.ConnectionString, "SELECT count(*) FROM platform_grain_state WHERE state_name LIKE 'commentThread-%' AND grain_key = @key",
                ("key", "k:" + commented)));

            // One of the two silos dies; the survivor serves everything from PostgreSQL.
            cluster.Kill(cluster.Serving[0]);
            await EventuallyAsync(() => AssertContentAsync(cluster, settings, rejected, restored, reviewed, commented, expectedListing, commentIds[3]));

            foreach (var silo in cluster.Serving)
            {
                cluster.Kill(silo);
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        await using var restarted = await SiloCluster.StartAsync(settings, 1);
        await EventuallyAsync(() => AssertContentAsync(restarted, settings, rejected, restored, reviewed, commented, expectedListing, commentIds[3]));

        // The original's fingerprint is back in its shard's index (from the snapshot pages): a new copy names it.
        var copy = ApiClient.NewId("v");
        await RegisterAsync(restarted.Http, copy, ApiClient.NewId("c"), Print ^ 0b111000);
        var copyReview = (await restarted.Http.GetJsonAsync($"/v1/videos/{copy}"))["review"]!;
        Assert.Equal("possibleDuplicate", (string)copyReview["reason"]!);
        Assert.Equal(original, (string)copyReview["duplicateOf"]!);

        // A repeated post is still a repeat, counted once; the id still belongs to its comment.
        var again = await restarted.Http.PostAsJsonAsync($"/v1/videos/{commented}/comments", new { commentId = commentIds[0], userId = "u-0", text = "comment 0" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Comments, (long)(await restarted.Http.GetJsonAsync($"/v1/videos/{commented}/stats"))["comments"]!);
    }

    private async Task AssertContentAsync(
        SiloCluster cluster, ClusterSettings settings, string rejected, string restored, string reviewed, string commented, string[] listing, string parent)
    {
        Assert.Equal("rejected", (string)(await cluster.Http.GetJsonAsync($"/v1/videos/{rejected}"))["state"]!);
        Assert.Equal("published", (string)(await cluster.Http.GetJsonAsync($"/v1/videos/{restored}"))["state"]!);
        var review = (await cluster.Http.GetJsonAsync($"/v1/videos/{reviewed}"))["review"]!;
        Assert.Equal("possibleDuplicate", (string)review["reason"]!);

        var audit = await AdminJsonAsync(cluster, settings, $"/v1/admin/videos/{restored}/audit");
        Assert.Equal(["register", "takeDown", "restore"], audit["items"]!.AsArray().Select(i => (string)i!["action"]!));
        Assert.Equal("copy", (string)(await AdminJsonAsync(cluster, settings, $"/v1/admin/videos/{rejected}/audit"))["items"]!.AsArray()[^1]!["note"]!);
        var queue = (await AdminJsonAsync(cluster, settings, "/v1/admin/moderation/queue"))["items"]!.AsArray();
        Assert.Equal([reviewed], queue.Select(i => (string)i!["videoId"]!));

        var seen = new List<JsonObject>();
        string? before = null;
        do
        {
            var page = await cluster.Http.GetJsonAsync($"/v1/videos/{commented}/comments?count=30" + (before is null ? "" : $"&before={before}"));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            before = (string?)page["before"];
        }
        while (before is not null);

        Assert.Equal(listing, seen.Select(i => (string)i["commentId"]!));
        Assert.Equal(1, (int)seen.Single(i => (string)i["commentId"]! == parent)["replies"]!);
        Assert.Equal(Comments, (long)(await cluster.Http.GetJsonAsync($"/v1/videos/{commented}/stats"))["comments"]!);
    }

    private static async Task RegisterAsync(HttpClient http, string videoId, string creatorId, ulong? fingerprint)
    {
        var response = await http.PostAsJsonAsync("/v1/videos", new { videoId, creatorId, title = videoId, durationMs = 20_000, fingerprint = fingerprint?.ToString("x16") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static Task<HttpResponseMessage> AdminAsync(SiloCluster cluster, ClusterSettings settings, string path, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Api-Key", settings.AdminKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return cluster.Http.SendAsync(request);
    }

    private static async Task<JsonObject> AdminJsonAsync(SiloCluster cluster, ClusterSettings settings, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", settings.AdminKey);
        var response = await cluster.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Until the cluster declares the killed silo dead, calls to grains it held may fail: retry the reads for a while.</summary>
    private async Task EventuallyAsync(Func<Task> check)
    {
        var watch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + 90 * Stopwatch.Frequency;
        while (true)
        {
            try
            {
                await check();
                output.WriteLine($"everything read back after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
