using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;
using Orleans.Transactions;
using Platform.GrainInterfaces;

namespace Platform.Api.Services;

/// <summary>
/// Runs a wallet's transaction for the gateway. A transaction Orleans reports aborted changed
/// nothing, so it is retried a few times at once; one whose outcome is unknown (in doubt, a timeout,
/// a silo gone) is a 503 with Retry-After: the client retries with the same id, and the payment's
/// record answers that retry if the first attempt did commit.
/// </summary>
public static class PaymentCalls
{
    /// <summary>Attempts of a transaction that keeps aborting (lock contention) before the client is asked to retry.</summary>
    public const int Attempts = 4;

    /// <summary>The Retry-After of a 503.</summary>
    public const string RetryAfterSeconds = "1";

    public static async Task<(PaymentOutcome? Outcome, ProblemHttpResult? Problem)> RunAsync(HttpResponse response, Func<Task<PaymentOutcome>> payment)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await payment(), null);
            }
            catch (OrleansTransactionAbortedException) when (attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt));
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                response.Headers.RetryAfter = RetryAfterSeconds;
                return (null, Unavailable());
            }
        }
    }

    /// <summary>Failures after which the payment did not happen, or may have: the client should retry with the same id.</summary>
    public static bool IsRetryable(Exception ex) => ex switch
    {
        OrleansTransactionsDisabledException => false,
        OrleansTransactionException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException => true,
        _ => false,
    };

    public static ProblemHttpResult Unavailable() => TypedResults.Problem(
        "The payment could not be confirmed (the cluster was busy or a silo failed); it was applied once or not at all. " +
        "Retry with the same id: a payment that did commit is answered from its record, never charged again.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Payment not confirmed");

    /// <summary>Tells the creator's grain (and so the studio's live stream) the earnings a payment committed. Best effort.</summary>
    public static void ReportEarnings(IGrainFactory grains, CreatorEarnings? earnings)
    {
        if (earnings is not null)
        {
            _ = grains.GetGrain<ICreatorGrain>(earnings.CreatorId).ReportEarningsAsync(earnings);
        }
    }
}
