using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Experiments;

[Collection(ExperimentCollection.Name)]
public sealed class ExperimentApiTests(ExperimentServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task CreatingTheSameExperimentAgainIsIdempotentAndAnotherBodyConflicts()
    {
        var id = NewId("exp");
        var body = Definition(id, 50, 50, new { });

        var first = await AdminPostAsync("/v1/admin/experiments", body);
        var again = await AdminPostAsync("/v1/admin/experiments", body);
        var other = await AdminPostAsync("/v1/admin/experiments", Definition(id, 30, 70, new { }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var report = await GetReportAsync(id);
        Assert.Equal("running", (string)report["state"]!);
        Assert.Equal(["control", "treatment"], report["variants"]!.AsArray().Select(v => (string)v!["name"]!));
        Assert.Equal(50, (int)report["variants"]![1]!["weight"]!);
    }

    [Theory]
    [InlineData("""{"Feed:Bogus":1}""", "variants[1].settings.Feed:Bogus")]
    [InlineData("""{"Platform:AdminApiKey":"x"}""", "variants[1].settings.Platform:AdminApiKey")]
    [InlineData("""{"Feed:ExploreShare":1.5}""", "variants[1].settings.Feed:ExploreShare")]
    [InlineData("""{"Feed:MaxPerCreator":2.5}""", "variants[1].settings.Feed:MaxPerCreator")]
    [InlineData("""{"Feed:Sources":["trending","ads"]}""", "variants[1].settings.Feed:Sources")]
    [InlineData("""{"Feed:Sources":[]}""", "variants[1].settings.Feed:Sources")]
    [InlineData("""{"Ranking:Blend:Magic":1}""", "variants[1].settings.Ranking:Blend:Magic")]
    public async Task AVariantSettingOutsideTheAllowlistIsRefusedAndNothingIsCreated(string settings, string errorKey)
    {
        var id = NewId("exp");
        var body = JsonNode.Parse(
            $"{{\"experimentId\":\"{id}\",\"variants\":[{{\"name\":\"control\",\"weight\":50,\"settings\":{{}}}},"
            + $"{{\"name\":\"treatment\",\"weight\":50,\"settings\":{settings}}}]}}");

        var response = await AdminPostAsync("/v1/admin/experiments", body!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorKey, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await AdminGetAsync($"/v1/admin/experiments/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"experimentId":"x","variants":[{"name":"only","weight":100}]}""", "variants")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":0},{"name":"b","weight":1}]}""", "variants[0].weight")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":1},{"name":"a","weight":1}]}""", "variants[1].name")]
    [InlineData("""{"experimentId":"bad id","variants":[{"name":"a","weight":1},{"name":"b","weight":1}]}""", "experimentId")]
    [InlineData("""{"experimentId":"x","variants":[{"name":"a","weight":1},{"name":"b","weight":101}]}""", "variants[1].weight")]
    public async Task AMalformedDefinitionIsA400NamingTheField(string json, string errorKey)
    {
        var response = await AdminPostAsync("/v1/admin/experiments", JsonNode.Parse(json)!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty(errorKey, out _));
    }

    [Fact]
    public async Task ExperimentRoutesNeedTheAdminKey()
    {
        var id = NewId("exp");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsJsonAsync("/v1/admin/experiments", Definition(id, 1, 1, new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync($"/v1/admin/experiments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.PostAsync($"/v1/admin/experiments/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AdminGetAsync($"/v1/admin/experiments/{id}")).StatusCode);
    }

    private static object Definition(string id, int control, int treatment, object treatmentSettings) => new
    {
        experimentId = id,
        variants = new object[]
        {
            new { name = "control", weight = control, settings = new { } },
            new { name = "treatment", weight = treatment, settings = treatmentSettings },
        },
    };

    private async Task<HttpResponseMessage> AdminPostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", ExperimentServerFixture.AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> AdminGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", ExperimentServerFixture.AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task<JsonObject> GetReportAsync(string id)
    {
        var response = await AdminGetAsync($"/v1/admin/experiments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
