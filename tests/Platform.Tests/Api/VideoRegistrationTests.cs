using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class VideoRegistrationTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task RegistrationIsCreatedThenIdempotentThenConflictsForAnotherCreator()
    {
        var (video, creator) = (NewId("v"), NewId("c"));

        var first = await _http.RegisterVideoAsync(video, creator, 31_000, "cooking", "howto");
        var again = await _http.RegisterVideoAsync(video, creator, 31_000, "cooking", "howto");
        var other = await _http.RegisterVideoAsync(video, NewId("c"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/v1/videos/{video}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        await other.ReadProblemAsync();

        var info = await _http.GetJsonAsync($"/v1/videos/{video}");
        Assert.Equal(creator, (string)info["creatorId"]!);
        Assert.Equal("published", (string)info["state"]!);
        Assert.Equal(31_000, (int)info["durationMs"]!);
        Assert.Equal(1, (int)(await _http.GetJsonAsync($"/v1/creators/{creator}/stats"))["videos"]!);
    }

    [Fact]
    public async Task InvalidRegistrationIsRejectedWithFieldErrors()
    {
        var video = NewId("v");
        var response = await _http.PostAsJsonAsync("/v1/videos", new
        {
            videoId = video,
            creatorId = "c/../etc",
            title = new string('t', 201),
            tags = Enumerable.Range(0, 17).Select(i => $"t{i}").ToArray(),
            durationMs = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("creatorId", out _));
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("tags", out _));
        Assert.True(errors.TryGetProperty("durationMs", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/videos/{video}")).StatusCode);
    }

    [Fact]
    public async Task UnknownVideoIs404AndBadIdIs400()
    {
        var missing = await _http.GetAsync($"/v1/videos/{NewId("v")}/stats");
        var bad = await _http.GetAsync("/v1/videos/bad%20id");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await missing.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await bad.ReadProblemAsync();
    }

    [Fact]
    public async Task TakedownNeedsTheAdminKey()
    {
        var video = NewId("v");
        await _http.RegisterVideoAsync(video, NewId("c"));

        var none = await _http.PostAsync($"/v1/admin/videos/{video}/takedown", null);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/videos/{video}/takedown");
        wrong.Headers.Add("X-Api-Key", "not-the-key");
        var wrongResponse = await _http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await none.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal("published", (string)(await _http.GetJsonAsync($"/v1/videos/{video}"))["state"]!);
    }
}
