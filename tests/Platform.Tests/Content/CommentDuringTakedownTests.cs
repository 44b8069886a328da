using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Content;

/// <summary>
/// Comments posted while their video is being taken down: each one the thread stored is counted exactly once, if need
/// be when the video is published again (a comment that passed the thread's check just before the takedown would
/// otherwise be listed and never counted).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommentDuringTakedownTests(PlatformServerFixture platform)
{
    private const int Rounds = 12;
    private const int Posts = 24;

    [Fact]
    public async Task EveryStoredCommentCountsOnceThoughItsVideoWasTakenDownMeanwhile()
    {
        var http = platform.Http;
        var random = new Random(1630);
        for (var round = 0; round < Rounds; round++)
        {
            var (creator, video) = (NewId("c"), NewId("v"));
            await http.RegisterJsonAsync(video, creator);

            // Posts from many users at once, the takedown landing somewhere among them.
            var posts = Enumerable.Range(0, Posts).Select(i => http.CommentAsync(video, $"{video}-{i:D2}", NewId("u"), $"comment {i}")).ToArray();
            await Task.Delay(random.Next(0, 30));
            Assert.Equal(HttpStatusCode.OK, (await http.DecideAsync(video, "takedown")).StatusCode);
            var answers = await Task.WhenAll(posts);
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"a post answered {(int)a.StatusCode}"));

            Assert.Equal(HttpStatusCode.OK, (await http.DecideAsync(video, "restore")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.CommentAsync(video, $"{video}-after", NewId("u"), "after the restore")).StatusCode);

            var listed = (await http.GetJsonAsync($"/v1/videos/{video}/comments?count=100"))["items"]!.AsArray().Count;
            Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created) + 1, listed);
            Assert.Equal(listed, (long)(await http.GetJsonAsync($"/v1/videos/{video}/stats"))["comments"]!);
            Assert.Equal(listed, (long)(await http.GetJsonAsync($"/v1/creators/{creator}/stats"))["comments"]!);
        }
    }
}
