using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Validation;

/// <summary>Reads a request body as a JSON document, answering bad bodies with problem responses.</summary>
public static class JsonBody
{
    // Duplicate keys are refused: two readers of one body must never disagree on which value counts.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The parsed document, or the problem to answer with (415 wrong content type, 400 malformed JSON).</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                "The body must be JSON with Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type"));
        }

        try
        {
            return (await JsonDocument.ParseAsync(request.Body, Options, cancellationToken), null);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            // Kestrel reports some malformed bodies (an overflowing chunk size) as plain I/O errors; its own
            // BadHttpRequestException (413 over the size limit, 408 too slow) keeps its status in the exception handler.
            return (null, TypedResults.Problem(
                "The request body could not be read.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad request"));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, TypedResults.Problem(
                $"The body is not valid JSON{where}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed JSON"));
        }
    }
}
