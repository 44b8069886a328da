using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Contracts;
using Platform.Api.Extensions;
using Platform.Api.Privacy;
using Platform.Api.Validation;
using Platform.GrainInterfaces;

namespace Platform.Api.Apis;

/// <summary>Consent, export and erasure (shared/API.md "Identity and privacy"); every route acts for its user.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/{userId}/settings", GetSettingsAsync)
            .WithName("GetUserSettings")
            .WithSummary("The user's privacy settings.")
            .RequireUser();
        app.MapPut("/v1/users/{userId}/settings", PutSettingsAsync)
            .WithName("PutUserSettings")
            .WithSummary("Sets the user's privacy settings: with personalization off, feeds use only non-personal sources and events train nothing about the user.")
            .RequireUser();
        app.MapGet("/v1/users/{userId}/export", ExportAsync)
            .WithName("ExportUser")
            .WithSummary("Everything the platform holds about the user, in one JSON document.")
            .RequireUser();
        app.MapDelete("/v1/users/{userId}", EraseAsync)
            .WithName("EraseUser")
            .WithSummary("Erases the user from memory and storage (202); counters of videos and creators keep their anonymous totals.")
            .RequireUser();
        return app;
    }

    private static async Task<Results<Ok<UserSettingsResponse>, ValidationProblem>> GetSettingsAsync(string userId, IGrainFactory grains)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        var settings = await grains.GetGrain<IUserGrain>(userId).GetSettingsAsync();
        return TypedResults.Ok(new UserSettingsResponse(userId, settings.Personalization));
    }

    private static async Task<Results<Ok<UserSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSettingsAsync(
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
        if (UserSettingsParser.Parse(document!.RootElement, errors) is not { } settings)
        {
            return Problems.Validation(errors);
        }

        var stored = await grains.GetGrain<IUserGrain>(userId).SetSettingsAsync(settings);
        return TypedResults.Ok(new UserSettingsResponse(userId, stored.Personalization));
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, ValidationProblem>> ExportAsync(
        string userId, UserExportComposer composer, CancellationToken cancellationToken) =>
        Ids.IsValid(userId)
            ? TypedResults.Ok(await composer.ComposeAsync(userId, cancellationToken))
            : Problems.InvalidId("userId");

    private static async Task<Results<Accepted<ErasureResponse>, ValidationProblem>> EraseAsync(string userId, IGrainFactory grains)
    {
        if (!Ids.IsValid(userId))
        {
            return Problems.InvalidId("userId");
        }

        var status = await grains.GetGrain<IUserErasureGrain>(userId).EraseAsync();
        return TypedResults.Accepted((string?)null, new ErasureResponse(userId, status.Erased ? "erased" : "pending", status.Remaining));
    }
}
