using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Api.Options;

namespace Platform.Api.Services;

/// <summary>
/// With <see cref="GatewayOptions.ManagementUrls"/> set, keeps <c>/metrics</c> and the dashboard on the management
/// ports and everything else but health checks off them. It tells ports apart by the connection's local port,
/// never by the Host header, which the client chooses.
/// </summary>
public sealed class ManagementAddressFilter(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public static readonly PathString[] ManagementPaths = ["/metrics", "/dashboard"];

    private readonly HashSet<int> _ports = ParsePorts(options.Value.ManagementUrls);

    public Task InvokeAsync(HttpContext context)
    {
        if (_ports.Count == 0)
        {
            return next(context);
        }

        var path = context.Request.Path;
        var onManagementPort = _ports.Contains(context.Connection.LocalPort);
        var managementPath = Array.Exists(ManagementPaths, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        var health = path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
        if (managementPath == onManagementPort || health)
        {
            return next(context);
        }

        // Answered as an unknown route, so the main address does not even reveal that these routes exist.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>The ports of a <c>;</c>-separated URL list; throws on a URL without an explicit port.</summary>
    public static HashSet<int> ParsePorts(string? urls)
    {
        var ports = new HashSet<int>();
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel accepts wildcard hosts (http://*:9090, http://+:9090) that Uri does not.
            var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.IsDefaultPort && !parsable.Contains(":" + uri.Port, StringComparison.Ordinal) || uri.Port <= 0)
            {
                throw new OptionsValidationException(GatewayOptions.Section, typeof(GatewayOptions),
                    [$"Platform:ManagementUrls entry '{url}' must be an absolute URL with an explicit, non-zero port."]);
            }

            ports.Add(uri.Port);
        }

        return ports;
    }
}
