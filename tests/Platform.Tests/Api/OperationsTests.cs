using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;
using static Platform.Tests.Infrastructure.ApiClient;

namespace Platform.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class OperationsTests(PlatformServerFixture platform)
{
    private readonly HttpClient _http = platform.Http;

    [Fact]
    public async Task HealthEndpointsAnswerWhenTheClusterIsUp()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task MetricsExposeEventsAndFeedFigures()
    {
        var (video, user) = (NewId("v"), NewId("u"));
        await _http.RegisterVideoAsync(video, NewId("c"));
        await _http.PostEventsAsync(View(user, video));
        await _http.GetFeedAsync(user);

        var text = await _http.GetStringAsync("/metrics");

        Assert.Contains("platform_events_applied", text);
        Assert.Contains("platform_feed_requests", text);
        Assert.Contains("platform_feed_duration_seconds_bucket", text);
    }

    [Fact]
    public async Task UnknownRouteIsA404Problem()
    {
        var response = await _http.GetAsync("/v1/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task DashboardIsServed()
    {
        var response = await _http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Fact]
    public async Task TheDashboardTimesGrainCallsOnlyWhenProfilingIsSwitchedOn()
    {
        Assert.DoesNotContain(platform.Server.Services.GetServices<IIncomingGrainCallFilter>(), IsDashboardFilter);

        await using var profiled = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["Platform:DashboardSampling:GrainCallProfiling"] = "true" });
        Assert.Contains(profiled.Services.GetServices<IIncomingGrainCallFilter>(), IsDashboardFilter);
        Assert.Equal(HttpStatusCode.OK, (await profiled.Http.GetAsync("/dashboard/")).StatusCode);
    }

    private static bool IsDashboardFilter(IIncomingGrainCallFilter filter) => filter.GetType().Assembly == typeof(Orleans.Dashboard.DashboardOptions).Assembly;
}
