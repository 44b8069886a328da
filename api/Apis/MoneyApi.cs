using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Services;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>Wallets, credits, tips, purchases, creator earnings and the ledger summary (shared/API.md "Money").</summary>
public static class MoneyApi
{
    public static IEndpointRouteBuilder MapMoneyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/admin/users/{userId}/credits", CreditAsync)
            .WithName("CreditWallet")
            .WithSummary("Adds money to a user's wallet (a payment provider's confirmation), once per creditId. Needs the admin key or the admin role.")
            .RequireAdmin();
        app.MapGet("/v1/users/{userId}/wallet", GetWalletAsync)
            .WithName("GetWallet")
            .WithSummary("A user's balance, spending and credits.")
            .RequireUser();
        app.MapPost("/v1/tips", TipAsync)
            .WithName("Tip")
            .WithSummary("Tips a creator: 201 charged now, 200 the same tipId again (no second charge), 402 not enough balance, 409 the tipId was used otherwise.")
            .RequireCaller();
        app.MapPost("/v1/purchases", PurchaseAsync)
            .WithName("PurchaseVideo")
            .WithSummary("Buys a paid video: 201 charged now, 200 bought before (no second charge), 402 not enough balance, 400 a free video.")
            .RequireCaller();
        app.MapGet("/v1/creators/{creatorId}/earnings", GetEarningsAsync)
            .WithName("GetCreatorEarnings")
            .WithSummary("A creator's tips, sales, gross, platform fee and net, in cents.")
            .RequireCreator();
        app.MapGet("/v1/admin/ledger/summary", GetLedgerSummaryAsync)
            .WithName("GetLedgerSummary")
            .WithSummary("Money over all wallets and creators: credited = balance + spent and spent = gross, exactly. Needs the admin key or the admin role.")
            .RequireAdmin();
        return app;
    }

    private static async Task<Results<Ok<CreditResponse>, ValidationProblem, ProblemHttpResult>> CreditAsync(
        string userId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        if (PaymentRequestParser.ParseCredit(document!.RootElement, errors) is not { } credit)
        {
            return Problems.Validation(errors);
        }

        var wallet = grains.GetGrain<IWalletGrain>(userId);
        var (outcome, failed) = await PaymentCalls.RunAsync(request.HttpContext.Response, () => wallet.CreditAsync(credit.CreditId, credit.AmountCents));
        return outcome switch
        {
            null => failed!,
            { Status: PaymentStatus.Conflict } => ReusedId("creditId", credit.CreditId),
            _ => TypedResults.Ok(new CreditResponse(userId, outcome.BalanceCents)),
        };
    }

    private static async Task<Results<Ok<WalletBalance>, ValidationProblem, ProblemHttpResult>> GetWalletAsync(
        string userId, HttpRequest request, IGrainFactory grains)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        return await ReadAsync(request, () => grains.GetGrain<IWalletGrain>(userId).GetBalanceAsync());
    }

    private static async Task<Results<Created<TipResponse>, Ok<TipResponse>, ValidationProblem, ProblemHttpResult>> TipAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        if (PaymentRequestParser.ParseTip(document!.RootElement, errors) is not { } tip)
        {
            return Problems.Validation(errors);
        }

        if (request.HttpContext.ForbidUnlessActingFor(tip.UserId) is { } refused)
        {
            return refused;
        }

        if (tip.VideoId is not null && await grains.GetGrain<IVideoGrain>(tip.VideoId).GetInfoAsync() is var video && video?.CreatorId != tip.CreatorId)
        {
            errors.Add("videoId", video is null
                ? $"Video '{tip.VideoId}' is not registered."
                : $"Video '{tip.VideoId}' is not a video of creator '{tip.CreatorId}'.");
            return Problems.Validation(errors, "The tip names a video it cannot be given on; nothing was charged.");
        }

        var payment = new Payment(PaymentKind.Tip, tip.TipId, tip.CreatorId, tip.VideoId, tip.AmountCents);
        var wallet = grains.GetGrain<IWalletGrain>(tip.UserId);
        var (outcome, failed) = await PaymentCalls.RunAsync(request.HttpContext.Response, () => wallet.PayAsync(payment));
        if (outcome is null)
        {
            return failed!;
        }

        PaymentCalls.ReportEarnings(grains, outcome.Earnings);
        var response = new TipResponse(tip.TipId, outcome.BalanceCents);
        return outcome.Status switch
        {
            PaymentStatus.Applied => TypedResults.Created($"/v1/users/{tip.UserId}/wallet", response),
            PaymentStatus.Conflict => ReusedId("tipId", tip.TipId),
            PaymentStatus.InsufficientBalance => InsufficientBalance(outcome.BalanceCents, tip.AmountCents),
            _ => TypedResults.Ok(response),
        };
    }

    private static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> PurchaseAsync(
        HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var _ = document;
        var errors = new ValidationErrors();
        if (PaymentRequestParser.ParsePurchase(document!.RootElement, errors) is not { } purchase)
        {
            return Problems.Validation(errors);
        }

        if (request.HttpContext.ForbidUnlessActingFor(purchase.UserId) is { } refused)
        {
            return refused;
        }

        // A video's price is fixed at registration, so reading it before the transaction is safe.
        if (await grains.GetGrain<IVideoGrain>(purchase.VideoId).GetInfoAsync() is not { } video)
        {
            return Problems.NotFound($"Video '{purchase.VideoId}' is not registered.");
        }

        if (video.PriceCents <= 0 || video.State != PublicationState.Published)
        {
            errors.Add("videoId", video.PriceCents <= 0
                ? $"Video '{purchase.VideoId}' is free: there is nothing to buy."
                : $"Video '{purchase.VideoId}' is taken down and cannot be bought.");
            return Problems.Validation(errors, "The video cannot be bought; nothing was charged.");
        }

        var payment = new Payment(PaymentKind.Purchase, purchase.PurchaseId, video.CreatorId, video.VideoId, video.PriceCents);
        var wallet = grains.GetGrain<IWalletGrain>(purchase.UserId);
        var (outcome, failed) = await PaymentCalls.RunAsync(request.HttpContext.Response, () => wallet.PayAsync(payment));
        if (outcome is null)
        {
            return failed!;
        }

        PaymentCalls.ReportEarnings(grains, outcome.Earnings);
        var response = new PurchaseResponse(purchase.PurchaseId, outcome.BalanceCents);
        return outcome.Status switch
        {
            PaymentStatus.Applied => TypedResults.Created($"/v1/users/{purchase.UserId}/wallet", response),
            PaymentStatus.Conflict => ReusedId("purchaseId", purchase.PurchaseId),
            PaymentStatus.InsufficientBalance => InsufficientBalance(outcome.BalanceCents, video.PriceCents),
            _ => TypedResults.Ok(response),
        };
    }

    private static async Task<Results<Ok<CreatorEarnings>, ValidationProblem, ProblemHttpResult>> GetEarningsAsync(
        string creatorId, HttpRequest request, IGrainFactory grains)
    {
        if (!Ids.IsValid(creatorId))
        {
            return Problems.InvalidId("creatorId");
        }

        return await ReadAsync(request, () => grains.GetGrain<ICreatorEarningsGrain>(creatorId).GetAsync());
    }

    private static async Task<Results<Ok<LedgerSummary>, ValidationProblem, ProblemHttpResult>> GetLedgerSummaryAsync(
        HttpRequest request, IGrainFactory grains, ITransactionClient transactions)
    {
        // One read transaction over every shard and the creators' unflushed parts: a consistent cut, so the totals balance
        // exactly and include every committed payment, even while payments and flushes run.
        return await ReadAsync(request, () => LedgerSummaryReader.ReadAsync(grains, transactions));
    }

    /// <summary>A read transaction; a conflicting payment can abort it, so it is retried like a payment.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ReadAsync<T>(HttpRequest request, Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return TypedResults.Ok(await read());
            }
            catch (Exception ex) when (PaymentCalls.IsRetryable(ex))
            {
                if (attempt == PaymentCalls.Attempts)
                {
                    request.HttpContext.Response.Headers.RetryAfter = PaymentCalls.RetryAfterSeconds;
                    return TypedResults.Problem(
                        "The cluster could not answer consistently in time; retrying is safe.",
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "Service unavailable");
                }

                await Task.Delay(Random.Shared.Next(1, 5 * attempt));
            }
        }
    }

    private static ProblemHttpResult ReusedId(string field, string id) => TypedResults.Problem(
        $"'{field}' {id} was already used for a different request; nothing was changed.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict");

    private static ProblemHttpResult InsufficientBalance(long balanceCents, long amountCents) => TypedResults.Problem(
        $"The wallet holds {balanceCents} cents, less than the {amountCents} asked; nothing was charged.",
        statusCode: StatusCodes.Status402PaymentRequired,
        title: "Insufficient balance",
        extensions: new Dictionary<string, object?> { ["balanceCents"] = balanceCents });
}
