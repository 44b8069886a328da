using System.Net;
using System.Net.Http.Headers;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Studio;

/// <summary>How the gateway serves the creator studio's files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CreatorStudioPageTests(PlatformServerFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task StudioPageIsServedForAnyValidCreatorId()
    {
        var response = await Http.GetAsync($"/creators/{NewId("c")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/studio/studio.js", html);
        Assert.Contains("/studio/studio.css", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task StudioPageRejectsAnInvalidCreatorId()
    {
        var response = await Http.GetAsync("/creators/no%20spaces%20allowed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("creatorId", out _));
    }

    [Theory]
    [InlineData("studio.js", "text/javascript")]
    [InlineData("studio.css", "text/css")]
    public async Task StudioAssetsAreServedAndRevalidated(string file, string mediaType)
    {
        var response = await Http.GetAsync($"/studio/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/studio/{file}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, (await Http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task UnknownStudioFileIsNotFound()
    {
        var response = await Http.GetAsync("/studio/studio.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ReadProblemAsync();
    }
}
