namespace Platform.Api.Privacy;

/// <summary>
/// One part of a user's data export (<c>GET /v1/users/{userId}/export</c>): a feature that keeps something about
/// users registers a part with <see cref="Extensions.PrivacyApiExtensions.AddUserExportPart{T}"/> (the wallet and
/// payments, comments...). Each part contributes top-level properties of the one export document; property names
/// are camelCase and unique across parts. Parts run concurrently in the gateway (both hosts), as singletons.
/// </summary>
public interface IUserExportPart
{
    /// <summary>The properties this part contributes for <paramref name="userId"/>; empty values for a user it never saw.</summary>
    Task<IReadOnlyDictionary<string, object?>> ReadAsync(string userId, CancellationToken cancellationToken);
}
