using System.Net;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>jwt mode on the money routes: credits and the ledger are admin routes, a wallet is its user's, tips and purchases are the payer's own, earnings the creator's.</summary>
[Collection(JwtPlatformCollection.Name)]
public sealed class MoneyRouteAuthorizationTests(JwtPlatformFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task MoneyRoutesFollowTheCallerRules()
    {
        var (user, other, creator) = (NewId("u"), NewId("u"), NewId("c"));
        var admin = Callers.WithRoles(NewId("a"), "admin");
        var cases = new (HttpStatusCode Expected, Callers Caller, HttpMethod Method, string Path, object? Body)[]
        {
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, $"/v1/admin/users/{user}/credits", new { creditId = NewId("cr"), amountCents = 500 }),
            (HttpStatusCode.Forbidden, Callers.User(user), HttpMethod.Post, $"/v1/admin/users/{user}/credits", new { creditId = NewId("cr"), amountCents = 500 }),
            (HttpStatusCode.Forbidden, Callers.App, HttpMethod.Post, $"/v1/admin/users/{user}/credits", new { creditId = NewId("cr"), amountCents = 500 }),
            (HttpStatusCode.OK, Callers.AdminKey, HttpMethod.Post, $"/v1/admin/users/{user}/credits", new { creditId = NewId("cr"), amountCents = 500 }),
            (HttpStatusCode.OK, admin, HttpMethod.Post, $"/v1/admin/users/{user}/credits", new { creditId = NewId("cr"), amountCents = 500 }),
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Get, $"/v1/users/{user}/wallet", null),
            (HttpStatusCode.Forbidden, Callers.User(other), HttpMethod.Get, $"/v1/users/{user}/wallet", null),
            (HttpStatusCode.OK, Callers.User(user), HttpMethod.Get, $"/v1/users/{user}/wallet", null),
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Post, "/v1/tips", new { tipId = NewId("t"), userId = user, creatorId = creator, amountCents = 100 }),
            (HttpStatusCode.Forbidden, Callers.User(other), HttpMethod.Post, "/v1/tips", new { tipId = NewId("t"), userId = user, creatorId = creator, amountCents = 100 }),
            (HttpStatusCode.Created, Callers.User(user), HttpMethod.Post, "/v1/tips", new { tipId = NewId("t"), userId = user, creatorId = creator, amountCents = 100 }),
            (HttpStatusCode.Forbidden, Callers.User(other), HttpMethod.Post, "/v1/purchases", new { purchaseId = NewId("p"), userId = user, videoId = NewId("v") }),
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Get, $"/v1/creators/{creator}/earnings", null),
            (HttpStatusCode.Forbidden, Callers.User(user), HttpMethod.Get, $"/v1/creators/{creator}/earnings", null),
            (HttpStatusCode.OK, Callers.User(creator), HttpMethod.Get, $"/v1/creators/{creator}/earnings", null),
            (HttpStatusCode.OK, admin, HttpMethod.Get, $"/v1/creators/{creator}/earnings", null),
            (HttpStatusCode.Unauthorized, Callers.Nobody, HttpMethod.Get, "/v1/admin/ledger/summary", null),
            (HttpStatusCode.Forbidden, Callers.User(user), HttpMethod.Get, "/v1/admin/ledger/summary", null),
            (HttpStatusCode.OK, admin, HttpMethod.Get, "/v1/admin/ledger/summary", null),
        };

        var failures = new List<string>();
        foreach (var (expected, caller, method, path, body) in cases)
        {
            using var response = await caller.SendAsync(_http, method, path, body);
            if (response.StatusCode != expected)
            {
                failures.Add($"{method} {path} as {caller}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
            else if ((int)expected >= 400)
            {
                await response.ReadProblemAsync();
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // The refused tip charged nothing: 1000 credited, one 100 tip paid.
        var wallet = await (await Callers.User(user).SendAsync(_http, HttpMethod.Get, $"/v1/users/{user}/wallet")).Content.ReadAsStringAsync();
        Assert.Equal(900, System.Text.Json.JsonDocument.Parse(wallet).RootElement.GetProperty("balanceCents").GetInt64());
    }
}
