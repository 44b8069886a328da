using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Services;

namespace Platform.Api.Apis;

/// <summary>
/// The operators' moderation page: a static page that asks for the admin key, keeps it in the tab's session
/// storage and sends it only as the <c>X-Api-Key</c> header of its own requests (never in a URL).
/// </summary>
public static class ModerationPageApi
{
    public static IEndpointRouteBuilder MapModerationPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/moderation", (StudioAssets assets) => new StudioFileResult(assets.ModerationPage))
            .WithName("ModerationPage")
            .WithSummary("The operators' moderation page: the review queue with approve and reject buttons.")
            .ExcludeFromDescription();
        return app;
    }
}
