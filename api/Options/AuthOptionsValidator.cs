using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses to start with an auth configuration that would be unsafe or could not work.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.Mode is not (AuthOptions.Open or AuthOptions.Jwt))
        {
            failures.Add($"Platform:Auth:Mode must be '{AuthOptions.Open}' or '{AuthOptions.Jwt}', not '{options.Mode}'.");
        }

        if (options.IsJwt)
        {
            if (SigningKeyBytes(options.SigningKey) is not { Length: >= AuthOptions.MinSigningKeyBytes })
            {
                failures.Add($"Platform:Auth:SigningKey must be base64 of at least {AuthOptions.MinSigningKeyBytes} bytes in jwt mode.");
            }

            if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
            {
                failures.Add("Platform:Auth:Issuer and Platform:Auth:Audience are required in jwt mode.");
            }
        }

        foreach (var key in options.AppKeys)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < AuthOptions.MinAppKeyLength)
            {
                failures.Add($"Every Platform:Auth:AppKeys entry must have at least {AuthOptions.MinAppKeyLength} characters.");
                break;
            }
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add("Platform:Auth:ClockSkew must be 0 to 10 minutes.");
        }

        if (options.MaxTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Platform:Auth:MaxTokenLifetime must be positive.");
        }

        if (options.MaxTokenBytes is < 256 or > 64 * 1024)
        {
            failures.Add("Platform:Auth:MaxTokenBytes must be 256 to 65536.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The key's bytes, or null when it is not base64.</summary>
    public static byte[]? SigningKeyBytes(string? signingKey)
    {
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            return null;
        }

        var buffer = new byte[signingKey.Length];
        return Convert.TryFromBase64String(signingKey.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
