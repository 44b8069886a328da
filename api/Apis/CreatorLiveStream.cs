using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Api.Options;
using Platform.Api.Services;

namespace Platform.Api.Apis;

/// <summary>
/// Writes a creator's live stream: a <c>stats</c> event at once, then each new snapshot of the shared
/// subscription, and a comment line whenever the stream has been quiet for the keep-alive interval.
/// Ends when the client goes away or the host stops; leaving releases the subscription.
/// </summary>
public sealed class CreatorLiveStream(string creatorId) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var hub = services.GetRequiredService<CreatorLiveHub>();
        var options = services.GetRequiredService<IOptions<LiveOptions>>().Value;
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var cancellationToken = ended.Token;

        // Fails before any byte is written, so an unreachable cluster is still a 503 problem.
        await using var viewer = await hub.WatchAsync(creatorId, cancellationToken);

        var response = httpContext.Response;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var body = response.BodyWriter;
        try
        {
            await body.WriteAsync(ServerSentEvents.Retry(options.ReconnectDelay), cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                quiet.CancelAfter(options.KeepAliveInterval);
                ReadOnlyMemory<byte> frame;
                try
                {
                    frame = await viewer.ReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    frame = ServerSentEvents.KeepAliveFrame;
                }

                await body.WriteAsync(frame, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client closed the stream or the host is stopping: a normal end.
        }
        catch (IOException)
        {
            // The connection broke mid-write: the client is gone.
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ServerSentEvents.ContentType]));
}
