using System.Diagnostics;
using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>Erasing an account leaves its comments in place, from a deleted user.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CommentErasureTests(PlatformServerFixture platform)
{
    [Fact]
    public async Task ErasedUsersCommentsShowAsFromADeletedUser()
    {
        var http = platform.Http;
        var (video, author, other) = (NewId("v"), NewId("u"), NewId("u"));
        await http.RegisterJsonAsync(video, NewId("c"));
        Assert.Equal(HttpStatusCode.Created, (await http.CommentAsync(video, NewId("cm"), author, "mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.CommentAsync(video, NewId("cm"), other, "theirs")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync($"/v1/users/{author}")).StatusCode);

        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (true)
        {
            var items = (await http.GetJsonAsync($"/v1/videos/{video}/comments"))["items"]!.AsArray();
            var mine = items.Single(i => (string)i!["text"]! == "mine")!;
            if (mine["userId"] is null)
            {
                Assert.True((bool)mine["authorDeleted"]!);
                Assert.Equal(other, (string)items.Single(i => (string)i!["text"]! == "theirs")!["userId"]!);
                break;
            }

            Assert.True(Stopwatch.GetTimestamp() < deadline, "the erased user's comment still names them");
            await Task.Delay(200);
        }

        Assert.Equal(2, (long)(await http.GetJsonAsync($"/v1/videos/{video}/stats"))["comments"]!);
    }
}
