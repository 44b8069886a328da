using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Api.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: the admin key (<c>Platform:AdminApiKey</c>) makes an admin, an app key
/// (<c>Platform:Auth:AppKeys</c>) a trusted backend that may act for any user. No header: no result; any other
/// value: a failure, which leaves the caller anonymous.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[PlatformClaims.ApiKeyHeader];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("One X-Api-Key header is expected."));
        }

        var (admin, app) = keys.Match(values[0]!);
        if (!admin && app < 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown key."));
        }

        var claims = new List<Claim>(2);
        if (admin)
        {
            claims.Add(new Claim(PlatformClaims.Role, PlatformClaims.AdminRole));
        }

        if (app >= 0)
        {
            claims.Add(new Claim(PlatformClaims.App, app.ToString(CultureInfo.InvariantCulture)));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, PlatformClaims.Subject, PlatformClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
