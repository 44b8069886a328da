using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Tests.Documentation;

/// <summary>
/// The OpenAPI document at /openapi/v1.json against the contract (shared/API.md) and the endpoints the host maps,
/// and the reference page at /docs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformServerFixture platform)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task DocumentListsEveryRouteOfTheContract()
    {
        var path = ContractRoutes.Locate();
        Assert.True(path is not null, $"shared/API.md is neither beside nor above {RepositoryPaths.Root}.");
        var contract = ContractRoutes.Parse(await File.ReadAllTextAsync(path));
        Assert.Contains("POST /v1/events", contract);
        Assert.Contains("GET /v1/users/{}/feed", contract);

        var documented = DocumentedRoutes(await GetDocumentAsync());
        var missing = contract.Where(r => !documented.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Routes of shared/API.md missing from /openapi/v1.json:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task EveryOperationHasASummaryAResponseAndProblems()
    {
        var document = await GetDocumentAsync();
        Assert.Equal("3.1", ((string)document["openapi"]!)[..3]);
        var problems = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation)
                {
                    continue;
                }

                var route = $"{method.ToUpperInvariant()} {path}";
                var responses = operation["responses"]!.AsObject();
                if (string.IsNullOrWhiteSpace((string?)operation["summary"]))
                {
                    problems.Add($"{route}: no summary");
                }

                if (string.IsNullOrWhiteSpace((string?)operation["operationId"]))
                {
                    problems.Add($"{route}: no operationId (WithName)");
                }

                if (!responses.Any(r => r.Key.StartsWith('2')))
                {
                    problems.Add($"{route}: no 2xx response");
                }

                if (path.StartsWith("/v1/", StringComparison.Ordinal) && responses["default"]?["content"]?["application/problem+json"] is null)
                {
                    problems.Add($"{route}: no problem+json default response");
                }

                if (path.Contains('{') && operation["parameters"] is null)
                {
                    problems.Add($"{route}: path parameters are not described");
                }
            }
        }

        var ids = document["paths"]!.AsObject().SelectMany(p => Methods.Select(m => (string?)p.Value![m]?["operationId"])).OfType<string>().ToList();
        problems.AddRange(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"operationId {g.Key} is used {g.Count()} times"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task BodiesResponsesAndProblemsOfTheCoreRoutesAreDescribed()
    {
        var document = await GetDocumentAsync();
        var paths = document["paths"]!;
        var schemas = document["components"]!["schemas"]!;

        var register = paths["/v1/videos"]!["post"]!;
        var registration = Resolve(schemas, register["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["creatorId", "durationMs", "tags", "title", "videoId"], Properties(registration));
        Assert.Equal(["200", "201", "400", "409", "413", "default"], Keys(register["responses"]!));

        var events = paths["/v1/events"]!["post"]!;
        var batch = Resolve(schemas, events["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var oneEvent = Resolve(schemas, batch["properties"]!["events"]!["items"]!);
        Assert.Superset(new HashSet<string> { "eventId", "userId", "videoId", "creatorId", "type", "watchMs", "at" }, Properties(oneEvent).ToHashSet());
        Assert.Equal(["202", "400", "413", "429", "503", "default"], Keys(events["responses"]!));
        var accepted = Resolve(schemas, events["responses"]!["202"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["accepted", "duplicates", "rejected"], Properties(accepted));

        var feed = paths["/v1/users/{userId}/feed"]!["get"]!;
        Assert.Contains("200", Keys(feed["responses"]!));
        Assert.NotNull(feed["responses"]!["400"]!["content"]!["application/problem+json"]);
        Assert.Contains("404", Keys(paths["/v1/videos/{videoId}"]!["get"]!["responses"]!));
        Assert.Contains("401", Keys(paths["/v1/admin/videos/{videoId}/takedown"]!["post"]!["responses"]!));
        Assert.NotNull(paths["/v1/creators/{creatorId}/live"]!["get"]!["responses"]!["200"]!["content"]!["text/event-stream"]);
        Assert.Equal("Registers a video: 201 the first time, 200 again for the same creator, 409 for another.", (string)register["summary"]!);
        Assert.Contains("1 MiB", (string)document["info"]!["description"]!);
    }

    [Fact]
    public async Task DocumentLeavesOutTheDashboardAndTheDocsThemselves()
    {
        var paths = (await GetDocumentAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal) || p.StartsWith("/docs", StringComparison.Ordinal) || p.StartsWith("/openapi", StringComparison.Ordinal));
        Assert.Contains("/health/ready", paths);
        Assert.Contains("/metrics", paths);
    }

    private async Task<JsonObject> GetDocumentAsync()
    {
        using var response = await platform.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static HashSet<string> DocumentedRoutes(JsonObject document) =>
    [
        .. document["paths"]!.AsObject().SelectMany(p => Methods
            .Where(m => p.Value![m] is not null)
            .Select(m => ContractRoutes.Normalize(m, p.Key))),
    ];

    private static JsonNode Resolve(JsonNode schemas, JsonNode schema) =>
        schema["$ref"] is { } reference ? schemas[((string)reference!).Split('/')[^1]]! : schema;

    private static string[] Properties(JsonNode schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static string[] Keys(JsonNode responses) => [.. responses.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
