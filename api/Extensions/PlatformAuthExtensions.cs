using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Options;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Extensions;

/// <summary>
/// Authentication and authorization, registered the same way by both hosts: <c>X-Api-Key</c> (admin and app keys)
/// in every mode, JWT bearer tokens (HS256 only) in jwt mode, and the caller rules of <see cref="CallerAccess"/>.
/// </summary>
public static class PlatformAuthExtensions
{
    public static IHostApplicationBuilder AddPlatformAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<IAuthorizationHandler, CallerAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationProblemResultHandler>();
        services.AddAuthorization();

        var jwt = (builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new()).IsJwt;
        var authentication = services.AddAuthentication(PlatformClaims.PlatformScheme)
            .AddPolicyScheme(PlatformClaims.PlatformScheme, PlatformClaims.PlatformScheme, o => o.ForwardDefaultSelector = context =>
                !jwt || context.Request.Headers.ContainsKey(PlatformClaims.ApiKeyHeader) ? PlatformClaims.ApiKeyScheme : PlatformClaims.BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(PlatformClaims.ApiKeyScheme, null);
        if (jwt)
        {
            authentication.AddJwtBearer(PlatformClaims.BearerScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(PlatformClaims.BearerScheme).Configure<IOptions<AuthOptions>>((bearer, auth) => ConfigureBearer(bearer, auth.Value));
        }

        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, AuthOptions auth)
    {
        bearer.MapInboundClaims = false;
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = auth.MaxTokenBytes });
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            // HS256 and nothing else: alg "none", HS512, RS256 (with the key as a public key) and the rest are refused.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = new SymmetricSecurityKey(AuthOptionsValidator.SigningKeyBytes(auth.SigningKey)),
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = PlatformClaims.Subject,
            RoleClaimType = PlatformClaims.Role,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (TokenProblem(context.SecurityToken as JsonWebToken, auth) is { } problem)
                {
                    context.Fail(problem);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>What is wrong with a signed, unexpired token for this platform: no valid subject, or a lifetime over the limit.</summary>
    private static string? TokenProblem(JsonWebToken? token, AuthOptions auth)
    {
        if (token is null)
        {
            return "Not a JSON web token.";
        }

        if (!token.TryGetPayloadValue<string>(PlatformClaims.Subject, out var subject) || !Ids.IsValid(subject))
        {
            return "The token has no valid subject.";
        }

        var start = token.IssuedAt != DateTime.MinValue ? token.IssuedAt : token.ValidFrom;
        if (start == DateTime.MinValue || token.ValidTo - start > auth.MaxTokenLifetime)
        {
            return "The token's lifetime is unknown or over the limit.";
        }

        return null;
    }
}
