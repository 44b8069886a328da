using System.Net.Http.Json;

namespace Platform.Tests.Identity;

/// <summary>Who sends a request in the jwt-mode tests: a token, an API key, or nobody.</summary>
public sealed record Callers(string Name, string? Token = null, string? ApiKey = null)
{
    public static Callers Nobody { get; } = new("nobody");

    public static Callers User(string userId) => new($"token of {userId}", TestTokens.For(userId));

    public static Callers WithRoles(string subject, params string[] roles) => new($"token of {subject} ({string.Join(",", roles)})", TestTokens.For(subject, roles));

    public static Callers App { get; } = new("app key", ApiKey: TestTokens.AppKey);

    public static Callers AdminKey { get; } = new("admin key", ApiKey: JwtPlatformFixture.AdminKey);

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ApiKey is not null)
        {
            request.WithApiKey(ApiKey);
        }

        return request.WithBearer(Token);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, object? body = null) =>
        await http.SendAsync(Request(method, path, body));

    public override string ToString() => Name;
}
