using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Tests.Identity;

/// <summary>Mints the tokens a real identity provider would (and the forgeries an attacker would) for the jwt-mode tests.</summary>
public static class TestTokens
{
    public const string Issuer = "https://id.platform.test";
    public const string Audience = "platform-api";
    public const string AppKey = "app-key-0123456789abcdef";

    /// <summary>A fixed 32-byte key, so failures reproduce.</summary>
    public static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("platform test signing key"));

    public static string SigningKey => Convert.ToBase64String(Key);

    /// <summary>The configuration of a jwt-mode platform that trusts these tokens.</summary>
    public static Dictionary<string, string?> JwtSettings(string adminKey) => new()
    {
        ["Platform:Auth:Mode"] = "jwt",
        ["Platform:Auth:SigningKey"] = SigningKey,
        ["Platform:Auth:Issuer"] = Issuer,
        ["Platform:Auth:Audience"] = Audience,
        ["Platform:Auth:AppKeys:0"] = AppKey,
        ["Platform:AdminApiKey"] = adminKey,
    };

    /// <summary>A valid token for <paramref name="subject"/> with <paramref name="roles"/> (one role is written as a string, more as an array).</summary>
    public static string For(
        string subject, string[]? roles = null, byte[]? key = null, string algorithm = SecurityAlgorithms.HmacSha256,
        string issuer = Issuer, string audience = Audience, DateTime? expires = null, DateTime? issuedAt = null, IDictionary<string, object>? extra = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (roles is { Length: 1 })
        {
            claims["role"] = roles[0];
        }
        else if (roles is { Length: > 1 })
        {
            claims["role"] = roles;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var signingKey = key ?? Key;
        if (algorithm == SecurityAlgorithms.HmacSha512 && signingKey.Length < 64)
        {
            signingKey = [.. signingKey, .. signingKey];
        }

        var issued = issuedAt ?? now.AddSeconds(-5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that claims <paramref name="subject"/>, otherwise valid.</summary>
    public static string Unsigned(string subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { sub = subject, iss = Issuer, aud = Audience, iat = now, nbf = now, exp = now + 600 }));
        return $"{header}.{payload}.";
    }

    /// <summary>A token whose payload was changed after signing (another subject, the old signature).</summary>
    public static string Tampered(string signedFor, string claimedSubject)
    {
        var parts = For(signedFor).Split('.');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        parts[1] = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { sub = claimedSubject, iss = Issuer, aud = Audience, iat = now, nbf = now, exp = now + 600 }));
        return string.Join('.', parts);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        return request;
    }

    public static HttpRequestMessage WithApiKey(this HttpRequestMessage request, string key)
    {
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return request;
    }
}
