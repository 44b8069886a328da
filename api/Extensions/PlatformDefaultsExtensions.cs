using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
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
    public static IHostApplicationBuilder AddPlatformDefaults(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Platform:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        var maxBody = builder.Configuration.GetValue($"{GatewayOptions.Section}:{nameof(GatewayOptions.MaxRequestBodyBytes)}", new GatewayOptions().MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = maxBody);

        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });

        services.TryAddTimeProvider();
        services.AddSingleton<PlatformMetrics>();
        builder.AddCreatorLive();
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
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithName("Live").WithSummary("The process is up.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .WithName("Ready").WithSummary("The cluster answers.");
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
