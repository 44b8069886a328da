using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Services;

/// <summary>
/// Turns every exception that escapes an endpoint into a problem response without internals:
/// bad requests keep their 4xx status (413 for oversized bodies), an unreachable or slow cluster
/// or an unavailable state store is a 503 the client may retry, anything else a plain 500.
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is over the size limit." : "The request could not be read."),
            Platform.GrainInterfaces.StorageUnavailableException or System.Data.Common.DbException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "Storage is unavailable for the moment; retrying the request is safe."),
            TimeoutException or Orleans.Runtime.OrleansException or Platform.GrainInterfaces.OutboxDeliveryException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "The cluster did not answer in time; retrying the request is safe."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The request failed; retrying it is safe."),
        };

        if (status >= 500)
        {
            LogFailure(logger, context.Request.Method, context.Request.Path, exception);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
