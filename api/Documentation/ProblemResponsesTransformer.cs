using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Platform.Api.Documentation;

/// <summary>
/// The problems every operation can answer with besides the ones its own typed results and <c>ProducesProblem</c>
/// name: 413 where there is a body, 429 and 503 where the route is rate limited, and a <c>default</c> problem
/// (the contract: every error is application/problem+json).
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        if (operation.RequestBody is not null)
        {
            Add(operation, StatusCodes.Status413PayloadTooLarge, "The body is over the size limit (1 MiB by default).", problem);
        }

        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(operation, StatusCodes.Status429TooManyRequests, "The client is over its rate; Retry-After says when to come back.", problem);
            Add(operation, StatusCodes.Status503ServiceUnavailable, "The gateway is at its in-flight cap; retry shortly.", problem);
        }

        Add(operation, "default", "Any other error, as application/problem+json.", problem);
    }

    private static void Add(OpenApiOperation operation, int status, string description, IOpenApiSchema schema) =>
        Add(operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture), description, schema);

    private static void Add(OpenApiOperation operation, string key, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        };
    }
}
