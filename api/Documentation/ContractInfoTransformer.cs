using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.Documentation;

/// <summary>The document's title and the general rules of the contract (shared/API.md) that hold for every route.</summary>
internal sealed class ContractInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Short-video platform API",
            Version = "v1",
            Description =
                "JSON, UTF-8, camelCase; timestamps ISO-8601 UTC. Ids (userId, videoId, creatorId, eventId) are 1 to 64 " +
                "characters from [A-Za-z0-9_.:-]; anything else is a 400. Every error is RFC 9457 application/problem+json " +
                "with title, status and detail; a validation error also carries errors, keyed by the JSON path of the bad " +
                "field. Bodies over 1 MiB get 413. Admin routes need the X-Api-Key header.",
        };
        return Task.CompletedTask;
    }
}
