using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Identity;

/// <summary>
/// Seeded hostile <c>Authorization</c> and <c>X-Api-Key</c> headers (oversized, malformed base64, broken JSON, huge
/// claims, unsigned or re-signed with a guessed key) on a user route: every one is a 401 problem, never a 500, and
/// nothing changes.
/// </summary>
[Collection(JwtPlatformCollection.Name)]
public sealed class HostileAuthorizationFuzzTests(JwtPlatformFixture platform)
{
    private const int Requests = 600;
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task HostileAuthorizationHeadersAreUnauthorizedNeverServerErrors()
    {
        var random = new Random(1414);
        var user = NewId("u");
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (kind, header, value) = Hostile(random, user);
            var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/users/{user}/settings")
            {
                Content = new StringContent("{\"personalization\":false}", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"#{i} {kind} ({value.Length} chars): {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        var settings = await Callers.App.SendAsync(_http, HttpMethod.Get, $"/v1/users/{user}/settings");
        Assert.True(JsonDocument.Parse(await settings.Content.ReadAsStringAsync()).RootElement.GetProperty("personalization").GetBoolean());
    }

    private static (string Kind, string Header, string Value) Hostile(Random random, string user)
    {
        switch (random.Next(12))
        {
            case 0:
                return ("oversized bearer", "Authorization", "Bearer " + Chars(random, random.Next(9_000, 24_000), Base64UrlChars + "."));
            case 1:
                return ("malformed base64", "Authorization", $"Bearer {Chars(random, random.Next(1, 400), "!@#$%^&*()+=~`|<>?,;:'\"[]{}")}.{Segment(random)}.{Segment(random)}");
            case 2:
                return ("broken json", "Authorization", $"Bearer {TestTokens.Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\"," + Chars(random, 40, "{}[]\":,")))}.{Segment(random)}.{Segment(random)}");
            case 3:
            {
                // A real signature over claims too large to accept.
                var claims = new Dictionary<string, object> { ["blob"] = Chars(random, random.Next(9_000, 15_000), Base64UrlChars) };
                return ("huge claims", "Authorization", "Bearer " + TestTokens.For(user, extra: claims));
            }

            case 4:
            {
                // Over Platform:Auth:MaxTokenBytes (8 KiB) even though correctly signed.
                var roles = Enumerable.Range(0, random.Next(1_000, 1_600)).Select(i => $"role{i}").ToArray();
                return ("huge role array", "Authorization", "Bearer " + TestTokens.For(user, roles: roles));
            }

            case 5:
                return ("alg none", "Authorization", "Bearer " + TestTokens.Unsigned(user));
            case 6:
            {
                var key = new byte[32];
                random.NextBytes(key);
                return ("guessed key", "Authorization", "Bearer " + TestTokens.For(user, key: key, roles: ["admin"]));
            }

            case 7:
                return ("wrong scheme", "Authorization", random.Next(3) switch
                {
                    0 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:password")),
                    1 => "Bearer",
                    _ => "Bearer    ",
                });
            case 8:
                return ("many segments", "Authorization", "Bearer " + string.Join('.', Enumerable.Range(0, random.Next(4, 200)).Select(_ => Segment(random))));
            case 9:
                return ("hostile api key", "X-Api-Key", Chars(random, random.Next(1, 20_000), Base64UrlChars + "!@#$%^&*() "));
            case 10:
            {
                // Deeply nested JSON in the header and payload segments.
                var depth = random.Next(100, 2_000);
                var nested = new string('[', depth) + new string(']', depth);
                return ("nested json", "Authorization", $"Bearer {TestTokens.Base64Url(Encoding.UTF8.GetBytes(nested))}.{TestTokens.Base64Url(Encoding.UTF8.GetBytes(nested))}.{Segment(random)}");
            }

            default:
            {
                var bytes = new byte[random.Next(1, 3_000)];
                random.NextBytes(bytes);
                return ("random bytes", "Authorization", "Bearer " + Convert.ToBase64String(bytes));
            }
        }
    }

    private static string Segment(Random random) => Chars(random, random.Next(0, 200), Base64UrlChars);

    private static string Chars(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
