using Microsoft.Extensions.Options;

namespace Platform.Grains.Options;

/// <summary>Refuses <see cref="AdsOptions"/> that cannot work, at start.</summary>
public sealed class AdsOptionsValidator : IValidateOptions<AdsOptions>
{
    public ValidateOptionsResult Validate(string? name, AdsOptions options)
    {
        var failures = new List<string>();
        if (options.FrequencyCap < 1)
        {
            failures.Add("Platform:Ads:FrequencyCap must be at least 1.");
        }

        if (options.MinPageItems < 1 || options.ItemsPerAd < 1 || options.FirstSlot < 0 || options.FirstSlot >= Math.Min(options.MinPageItems, options.ItemsPerAd))
        {
            failures.Add("Platform:Ads:MinPageItems and ItemsPerAd must be positive, FirstSlot within the smallest page and before the second ad.");
        }

        if (options.SliceImpressions < 1)
        {
            failures.Add("Platform:Ads:SliceImpressions must be at least 1.");
        }

        if (options.TickInterval <= TimeSpan.Zero || options.StandingRefresh <= TimeSpan.Zero || options.DirectoryRefresh <= TimeSpan.Zero
            || options.LeaseGrace < TimeSpan.Zero)
        {
            failures.Add("Platform:Ads:TickInterval, StandingRefresh and DirectoryRefresh must be positive, LeaseGrace not negative.");
        }

        if (options.FailedCallRetry <= TimeSpan.Zero)
        {
            failures.Add("Platform:Ads:FailedCallRetry must be positive.");
        }

        if (options.StopReturnTimeout < TimeSpan.FromMilliseconds(100) || options.StopReturnTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add("Platform:Ads:StopReturnTimeout must be 100 ms to 1 min.");
        }

        if (options.LiveHolderGrace < options.LeaseGrace)
        {
            failures.Add("Platform:Ads:LiveHolderGrace must be at least LeaseGrace.");
        }

        if (options.RenewAhead <= options.TickInterval || options.LeaseDuration <= options.RenewAhead + options.TickInterval)
        {
            failures.Add("Platform:Ads:RenewAhead must exceed TickInterval, and LeaseDuration RenewAhead plus TickInterval.");
        }

        if (options.PriorClicks <= 0 || options.PriorImpressions <= options.PriorClicks)
        {
            failures.Add("Platform:Ads:PriorClicks must be positive and PriorImpressions larger.");
        }

        if (options.InterestTags < 1 || options.ServedAdsKept < 1)
        {
            failures.Add("Platform:Ads:InterestTags and ServedAdsKept must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
