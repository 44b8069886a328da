using System.Text.Json;

namespace Platform.Api.Validation;

/// <summary>Validates the bodies of credits, tips and purchases (shared/API.md "Money").</summary>
public static class PaymentRequestParser
{
    public const long MaxCreditCents = 10_000_000;
    public const long MaxTipCents = 1_000_000;

    /// <summary>A validated <c>POST /v1/admin/users/{userId}/credits</c> body.</summary>
    public sealed record Credit(string CreditId, long AmountCents);

    /// <summary>A validated <c>POST /v1/tips</c> body.</summary>
    public sealed record Tip(string TipId, string UserId, string CreatorId, string? VideoId, long AmountCents);

    /// <summary>A validated <c>POST /v1/purchases</c> body.</summary>
    public sealed record Purchase(string PurchaseId, string UserId, string VideoId);

    public static Credit? ParseCredit(JsonElement root, ValidationErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }

        var creditId = JsonFields.Id(root, "creditId", "", errors);
        var amount = JsonFields.Integer(root, "amountCents", "", errors, 1, MaxCreditCents, required: true);
        return errors.Any || creditId is null || amount is null ? null : new Credit(creditId, amount.Value);
    }

    public static Tip? ParseTip(JsonElement root, ValidationErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }

        var tipId = JsonFields.Id(root, "tipId", "", errors);
        var userId = JsonFields.Id(root, "userId", "", errors);
        var creatorId = JsonFields.Id(root, "creatorId", "", errors);
        var videoId = JsonFields.Id(root, "videoId", "", errors, required: false);
        var amount = JsonFields.Integer(root, "amountCents", "", errors, 1, MaxTipCents, required: true);
        return errors.Any || tipId is null || userId is null || creatorId is null || amount is null
            ? null
            : new Tip(tipId, userId, creatorId, videoId, amount.Value);
    }

    public static Purchase? ParsePurchase(JsonElement root, ValidationErrors errors)
    {
        if (!IsObject(root, errors))
        {
            return null;
        }

        var purchaseId = JsonFields.Id(root, "purchaseId", "", errors);
        var userId = JsonFields.Id(root, "userId", "", errors);
        var videoId = JsonFields.Id(root, "videoId", "", errors);
        return errors.Any || purchaseId is null || userId is null || videoId is null ? null : new Purchase(purchaseId, userId, videoId);
    }

    private static bool IsObject(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add("$", "The body must be a JSON object.");
        return false;
    }
}
