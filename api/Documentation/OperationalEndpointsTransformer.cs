using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Platform.Api.Documentation;

/// <summary>
/// Adds the named endpoints that are not minimal-API handlers, and so are invisible to the API explorer: the health
/// checks and the Prometheus scrape (<c>/metrics</c>). An endpoint is added when it has a name, a summary and HTTP
/// methods, and is not excluded from the description; its summary is the one the code gave it.
/// </summary>
internal sealed class OperationalEndpointsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        var sources = context.ApplicationServices.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IEndpointNameMetadata>() is not { } name
                || metadata.GetMetadata<IEndpointSummaryMetadata>() is not { } summary
                || metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || metadata.GetMetadata<System.Reflection.MethodInfo>() is not null)
            {
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }

            if (item is not OpenApiPathItem pathItem)
            {
                continue;
            }

            // HEAD beside GET is the same operation without a body: one operation, one operationId.
            foreach (var method in methods.HttpMethods.Where(m => m != HttpMethods.Head || !methods.HttpMethods.Contains(HttpMethods.Get)))
            {
                var operation = new OpenApiOperation
                {
                    OperationId = name.EndpointName,
                    Summary = summary.Summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse
                        {
                            Description = "OK",
                            Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() },
                        },
                    },
                };
                if (name.EndpointName == "Ready")
                {
                    operation.Responses["503"] = new OpenApiResponse { Description = "The cluster does not answer yet." };
                }

                pathItem.AddOperation(HttpMethod.Parse(method), operation);
            }
        }

        return Task.CompletedTask;
    }
}
