using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Platform.Api.Options;
using Platform.Api.Services;

namespace Platform.Api.Extensions;

/// <summary>Plumbing both hosts share: problem details, JSON, limits, health checks and metrics.</summary>
public static class PlatformDefaultsExtensions
{
    /// <summary>The contract's default listening address (shared/API.md).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly HttpMethodMetadata ReadMethods = new([HttpMethods.Get, HttpMethods.Head]);

    public static IHostApplicationBuilder AddPlatformDefaults(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<GatewayOptions, GatewayOptionsValidator>(GatewayOptions.Section);
        services.AddValidatedOptions<ClusterRetryOptions, ClusterRetryOptionsValidator>(ClusterRetryOptions.Section);
        services.AddSingleton<ClusterCallRetry>();
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new();
        services.Configure<KestrelServerOptions>(k => k.ApplyGatewayLimits(gateway));
        services.Configure<HostOptions>(h => h.ShutdownTimeout = gateway.ShutdownTimeout);
        builder.AddManagementUrls(gateway);
        services.AddPlatformRateLimiting();
        builder.AddPlatformAuth();
        builder.AddPlatformPrivacy();

        services.AddProblemDetails();
        services.AddApiDocumentation();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });

        services.TryAddTimeProvider();
        services.AddSingleton<PlatformMetrics>();
        builder.AddCreatorLive();
        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(HealthOptions.Section);
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PlatformMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddView("platform.feed.duration", new ExplicitBucketHistogramConfiguration
            {
                Boundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
            })
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication UsePlatformDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ManagementAddressFilter>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // These map every method by default; only reads make sense, anything else is a 405.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(ReadMethods).WithName("Live").WithSummary("The process is up.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .WithMetadata(ReadMethods).WithName("Ready").WithSummary("The cluster answers.");
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(ReadMethods)
            .WithName("Metrics").WithSummary("Prometheus text: events applied, feed requests, feed latency, Orleans and runtime meters.");
        return app;
    }

    /// <summary>Body size and slow-client limits: a client that trickles headers or a body is disconnected.</summary>
    private static void ApplyGatewayLimits(this KestrelServerOptions kestrel, GatewayOptions gateway)
    {
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
        limits.RequestHeadersTimeout = gateway.RequestHeadersTimeout;
        limits.KeepAliveTimeout = gateway.KeepAliveTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(gateway.MinRequestBodyBytesPerSecond, gateway.MinRequestBodyGracePeriod);
        limits.MaxConcurrentConnections = gateway.MaxConcurrentConnections;
    }

    /// <summary>Adds the management addresses to the ones Kestrel listens on (the main address stays as configured).</summary>
    private static void AddManagementUrls(this IHostApplicationBuilder builder, GatewayOptions gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway.ManagementUrls))
        {
            return;
        }

        ManagementAddressFilter.ParsePorts(gateway.ManagementUrls);
        var main = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        builder.Configuration[WebHostDefaults.ServerUrlsKey] =
            $"{(string.IsNullOrWhiteSpace(main) ? DefaultUrl : main)};{gateway.ManagementUrls}";
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
