using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>
/// A thread far longer than its memory: pages of 10 comments and 2 pages cached, so nearly every sealed page a listing,
/// a reply, a hide or a repeated post needs is read back from storage.
/// </summary>
public sealed class CommentStorageTests : IAsyncLifetime
{
    private const int Comments = 95;

    private PlatformServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await PlatformServer.StartAsync(new Dictionary<string, string?>
    {
        ["Platform:AdminApiKey"] = PlatformServerFixture.AdminKey,
        ["Platform:Moderation:CommentPageSize"] = "10",
        ["Platform:Moderation:CachedCommentPages"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PagesEvictedFromMemoryAreReadBackForListingRepliesHidingAndRepeats()
    {
        var (creator, video) = (NewId("c"), NewId("v"));
        await Http.RegisterJsonAsync(video, creator);
        var ids = Enumerable.Range(0, Comments).Select(i => $"{video}-{i:D2}").ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.CommentAsync(video, id, $"u-{i % 9}", $"comment {i}")).StatusCode);
        }

        // Pages 0 and 1 left memory long ago (9 pages sealed, 2 cached).
        var reply = $"{video}-reply";
        Assert.Equal(HttpStatusCode.Created, (await Http.CommentAsync(video, reply, "u-r", "a reply to the third", ids[3])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.AdminAsync(HttpMethod.Post, $"/v1/admin/comments/{ids[15]}/hide")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.CommentAsync(video, ids[0], "u-0", "comment 0")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Http.CommentAsync(video, ids[1], "u-1", "comment 1, edited")).StatusCode);

        var seen = new List<JsonObject>();
        string? before = null;
        do
        {
            var page = await Http.GetJsonAsync($"/v1/videos/{video}/comments?count=7" + (before is null ? "" : $"&before={before}"));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            before = (string?)page["before"];
        }
        while (before is not null);

        Assert.Equal(ids.Append(reply).Reverse().Where(id => id != ids[15]), seen.Select(i => (string)i["commentId"]!));
        Assert.Equal(1, (int)seen.Single(i => (string)i["commentId"]! == ids[3])["replies"]!);
        Assert.Equal("comment 42", (string)seen.Single(i => (string)i["commentId"]! == ids[42])["text"]!);

        // A page from the middle, straight from its cursor.
        var middle = await Http.GetJsonAsync($"/v1/videos/{video}/comments?count=3&before={ids[31]}");
        Assert.Equal([ids[30], ids[29], ids[28]], middle["items"]!.AsArray().Select(i => (string)i!["commentId"]!));

        Assert.Equal(Comments + 1, (long)(await Http.GetJsonAsync($"/v1/videos/{video}/stats"))["comments"]!);
        Assert.Equal(Comments + 1, (long)(await Http.GetJsonAsync($"/v1/creators/{creator}/stats"))["comments"]!);
    }
}
