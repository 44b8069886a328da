using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>Every token that is not exactly what the platform issues is a 401 problem, never a way in.</summary>
[Collection(JwtPlatformCollection.Name)]
public sealed class TokenValidationTests(JwtPlatformFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    public static TheoryData<string> BadTokens() =>
    [
        "forged (another key)",
        "tampered payload",
        "alg none",
        "HS512",
        "expired",
        "not yet valid",
        "wrong issuer",
        "wrong audience",
        "lifetime over the limit",
        "subject not an id",
        "no subject",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTokenIsUnauthorizedAndChangesNothing(string kind)
    {
        var user = NewId("u");
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "forged (another key)" => TestTokens.For(user, key: System.Security.Cryptography.SHA256.HashData("another key"u8.ToArray())),
            "tampered payload" => TestTokens.Tampered(NewId("u"), user),
            "alg none" => TestTokens.Unsigned(user),
            "HS512" => TestTokens.For(user, algorithm: SecurityAlgorithms.HmacSha512),
            "expired" => TestTokens.For(user, issuedAt: now.AddHours(-2), expires: now.AddHours(-1)),
            "not yet valid" => TestTokens.For(user, issuedAt: now.AddHours(1), expires: now.AddHours(2)),
            "wrong issuer" => TestTokens.For(user, issuer: "https://evil.test"),
            "wrong audience" => TestTokens.For(user, audience: "another-api"),
            "lifetime over the limit" => TestTokens.For(user, issuedAt: now.AddMinutes(-1), expires: now.AddDays(30)),
            "subject not an id" => TestTokens.For("u 1/../admin"),
            "no subject" => NoSubject(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var feed = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/users/{user}/feed").WithBearer(token));
        var settings = new HttpRequestMessage(HttpMethod.Put, $"/v1/users/{user}/settings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { personalization = false }),
        };
        var put = await _http.SendAsync(settings.WithBearer(token));

        foreach (var response in new[] { feed, put })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(401, (await response.ReadProblemAsync()).GetProperty("status").GetInt32());
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }

        var stored = await Callers.App.SendAsync(_http, HttpMethod.Get, $"/v1/users/{user}/settings");
        Assert.True(JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("personalization").GetBoolean());

        string NoSubject() => TestTokens.For("placeholder", extra: new Dictionary<string, object> { ["sub"] = "" });
    }

    [Fact]
    public async Task ValidTokenWithinClockSkewIsAccepted()
    {
        var user = NewId("u");
        var token = TestTokens.For(user, issuedAt: DateTime.UtcNow.AddMinutes(-10), expires: DateTime.UtcNow.AddSeconds(-10));

        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/users/{user}").WithBearer(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AppKeyIsComparedExactly()
    {
        var user = NewId("u");
        foreach (var key in new[] { TestTokens.AppKey.ToUpperInvariant(), TestTokens.AppKey[..^1], TestTokens.AppKey + "x", "" + TestTokens.AppKey[1..] })
        {
            var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/users/{user}").WithApiKey(key));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await response.ReadProblemAsync();
        }

        var right = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/users/{user}").WithApiKey(TestTokens.AppKey));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}
