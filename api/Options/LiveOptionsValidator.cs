using Microsoft.Extensions.Options;

namespace Platform.Api.Options;

/// <summary>Refuses <see cref="LiveOptions"/> that cannot work, at start: intervals outside what the live stream promises.</summary>
public sealed class LiveOptionsValidator : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new List<string>();
        if (options.KeepAliveInterval <= TimeSpan.Zero || options.KeepAliveInterval > TimeSpan.FromSeconds(15))
        {
            failures.Add("Platform:Live:KeepAliveInterval must be more than 0 and at most 15 s (the contract's promise).");
        }

        if (options.RenewInterval < TimeSpan.FromMilliseconds(100) || options.RenewInterval > TimeSpan.FromSeconds(30))
        {
            failures.Add("Platform:Live:RenewInterval must be 100 ms to 30 s (the grain drops registrations not renewed for a minute).");
        }

        if (options.ReconnectDelay < TimeSpan.Zero || options.ReconnectDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Platform:Live:ReconnectDelay must be 0 to 1 min.");
        }

        if (options.UnsubscribeTimeout < TimeSpan.FromMilliseconds(100) || options.UnsubscribeTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add("Platform:Live:UnsubscribeTimeout must be 100 ms to 1 min.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
