using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.Documentation;

/// <summary>
/// Groups operations by the concept of their endpoint class (<c>FeedApi</c> is "Feed", <c>VideosApi</c> "Videos"),
/// not by the class's name, and lists the groups at the document's top.
/// </summary>
internal sealed class TagNamesTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string Suffix = "Api";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Tags is { Count: > 0 } tags)
        {
            operation.Tags = new HashSet<OpenApiTagReference>(
                tags.Select(t => t.Name is { Length: > 3 } name && name.EndsWith(Suffix, StringComparison.Ordinal)
                    ? new OpenApiTagReference(name[..^Suffix.Length], context.Document)
                    : t));
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var names = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(names.Select(n => new OpenApiTag { Name = n }));
        return Task.CompletedTask;
    }
}
