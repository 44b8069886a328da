using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="DeliveryOptions"/> that cannot work, at start: intervals and retentions that lose or never confirm deliveries.</summary>
public sealed class DeliveryOptionsValidator(IOptions<SiloMessagingOptions> messaging) : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.ConfirmDelay <= TimeSpan.Zero || options.RetryInterval <= TimeSpan.Zero || options.RecoveryPeriod <= TimeSpan.Zero)
        {
            failures.Add("Platform:Delivery intervals must be positive.");
        }

        if (options.ConfirmedRetention <= TimeSpan.Zero || options.UnconfirmedRetention < options.ConfirmedRetention)
        {
            failures.Add("Platform:Delivery retentions must be positive, unconfirmed at least confirmed.");
        }

        if (options.ConfirmationHold < TimeSpan.Zero || options.ConfirmationHold >= options.UnconfirmedRetention)
        {
            failures.Add("Platform:Delivery:ConfirmationHold must be zero or more and less than UnconfirmedRetention.");
        }

        if (options.MaxEngagementBatch <= 0)
        {
            failures.Add("Platform:Delivery:MaxEngagementBatch must be positive.");
        }

        if (options.ConfirmedRetention <= messaging.Value.ResponseTimeout)
        {
            failures.Add("Platform:Delivery:ConfirmedRetention must exceed Orleans:Messaging:ResponseTimeout (a resent request may be that old).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
