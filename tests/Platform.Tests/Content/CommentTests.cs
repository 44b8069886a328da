using System.Net;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>Comments through HTTP: idempotent posts, platform-wide ids, paging, replies, hiding and exact counters.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CommentTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task RepeatedCommentCountsOnceAndItsIdIsUniqueAcrossThePlatform()
    {
        var (creator, video, otherVideo, user) = (NewId("c"), NewId("v"), NewId("v"), NewId("u"));
        await _http.RegisterJsonAsync(video, creator);
        await _http.RegisterJsonAsync(otherVideo, creator);
        var commentId = NewId("cm");

        var first = await _http.CommentAsync(video, commentId, user, "Great knife work 🔪");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal("Great knife work 🔪", (string)body["text"]!);
        Assert.Equal(0, (int)body["replies"]!);
        Assert.Equal(HttpStatusCode.OK, (await _http.CommentAsync(video, commentId, user, "Great knife work 🔪")).StatusCode);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _http.CommentAsync(video, commentId, user, "Great knife work 🔪")));

        Assert.Equal(HttpStatusCode.Conflict, (await _http.CommentAsync(video, commentId, user, "Other text")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.CommentAsync(otherVideo, commentId, user, "Great knife work 🔪")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.CommentAsync(video, commentId, NewId("u"), "Great knife work 🔪")).StatusCode);

        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["comments"]!);
        Assert.Equal(0, (long)(await _http.GetJsonAsync($"/v1/videos/{otherVideo}/stats"))["comments"]!);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["comments"]!);
        Assert.Single((await _http.GetJsonAsync($"/v1/videos/{video}/comments"))["items"]!.AsArray());
    }

    [Fact]
    public async Task CommentsPageNewestFirstAcrossStoragePagesWithRepliesAndHiding()
    {
        var (creator, video) = (NewId("c"), NewId("v"));
        await _http.RegisterJsonAsync(video, creator);
        var ids = new List<string>();
        for (var i = 0; i < 230; i++)
        {
            var id = $"{video}-c{i:D3}";
            ids.Add(id);
            Assert.Equal(HttpStatusCode.Created, (await _http.CommentAsync(video, id, NewId("u"), $"comment number {i}")).StatusCode);
        }

        // A reply to a comment on a sealed storage page (the page size is 100).
        var reply = $"{video}-reply";
        Assert.Equal(HttpStatusCode.Created, (await _http.CommentAsync(video, reply, NewId("u"), "a reply", ids[5])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.CommentAsync(video, NewId("cm"), NewId("u"), "orphan", NewId("cm"))).StatusCode);

        // Hide one on an old page and one on the newest.
        Assert.Equal(HttpStatusCode.OK, (await _http.AdminAsync(HttpMethod.Post, $"/v1/admin/comments/{ids[50]}/hide")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.AdminAsync(HttpMethod.Post, $"/v1/admin/comments/{ids[229]}/hide")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.AdminAsync(HttpMethod.Post, $"/v1/admin/comments/{NewId("cm")}/hide")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsync($"/v1/admin/comments/{ids[1]}/hide", null)).StatusCode);

        var seen = new List<JsonObject>();
        string? before = null;
        do
        {
            var page = await _http.GetJsonAsync($"/v1/videos/{video}/comments?count=40" + (before is null ? "" : $"&before={before}"));
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(items.Count <= 40);
            seen.AddRange(items);
            before = (string?)page["before"];
        }
        while (before is not null);

        var expected = ids.Append(reply).Reverse().Where(id => id != ids[50] && id != ids[229]).ToList();
        Assert.Equal(expected, seen.Select(i => (string)i["commentId"]!));
        Assert.Equal(ids[5], (string)seen.Single(i => (string)i["commentId"]! == reply)["parentId"]!);
        Assert.Equal(1, (int)seen.Single(i => (string)i["commentId"]! == ids[5])["replies"]!);

        // Hidden comments keep counting.
        Assert.Equal(231, (long)(await _http.GetJsonAsync($"/v1/videos/{video}/stats"))["comments"]!);
        Assert.Equal(231, (long)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["comments"]!);
    }

    [Fact]
    public async Task CommentOnUnpublishedOrUnknownVideoIsRefusedAndBadTextIs400()
    {
        var video = NewId("v");
        await _http.RegisterJsonAsync(video, NewId("c"));
        await _http.DecideAsync(video, "takedown");
        Assert.Equal(HttpStatusCode.Conflict, (await _http.CommentAsync(video, NewId("cm"), NewId("u"), "hello")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.CommentAsync(NewId("v"), NewId("cm"), NewId("u"), "hello")).StatusCode);

        var live = NewId("v");
        await _http.RegisterJsonAsync(live, NewId("c"));
        foreach (var text in new[] { "", "   ", new string('x', 501), "evil\u202Etext", "nul\0", "zero\u200Bwidth" })
        {
            var response = await _http.CommentAsync(live, NewId("cm"), NewId("u"), text);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("text", out _));
        }

        Assert.Equal(HttpStatusCode.Created, (await _http.CommentAsync(live, NewId("cm"), NewId("u"), new string('x', 500))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync($"/v1/videos/{live}/comments?count=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync($"/v1/videos/{live}/comments?before={NewId("cm")}")).StatusCode);
        Assert.Equal(1, (long)(await _http.GetJsonAsync($"/v1/videos/{live}/stats"))["comments"]!);
    }
}
