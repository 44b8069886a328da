using Microsoft.AspNetCore.Routing;
using Platform.Api.Apis;

namespace Platform.Api.Extensions;

/// <summary>The public HTTP contract (shared/API.md), mapped in one call by both hosts.</summary>
public static class GatewayApiExtensions
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        app.MapVideosApi();
        app.MapEventsApi();
        app.MapFeedApi();
        app.MapDiscoveryApi();
        app.MapUsersApi();
        app.MapFollowingFeedApi();
        app.MapCreatorsApi();
        app.MapCreatorLiveApi();
        app.MapCreatorStudioApi();
        app.MapAnalyticsApi();
        app.MapAdminApi();
        app.MapExperimentsApi();
        app.MapExperimentPage();
        app.MapPrivacyApi();
        app.MapMoneyApi();
        app.MapCampaignsApi();
        app.MapApiDocumentation();
        app.MapContentApi();
        app.MapModerationApi();
        app.MapModerationPage();
        return app;
    }
}
