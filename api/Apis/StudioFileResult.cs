using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Platform.Api.Services;

namespace Platform.Api.Apis;

/// <summary>Writes an embedded studio file, answering 304 when the browser's copy is current.</summary>
public sealed class StudioFileResult(StudioAsset asset) : IResult
{
    // Every embedded page (studio, moderation, experiments) loads nothing from elsewhere, runs no inline code and
    // cannot be framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = asset.ETag;

        // Revalidate every time: a new release shows at once, an unchanged file costs a 304.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (httpContext.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).AsTask();
    }
}
