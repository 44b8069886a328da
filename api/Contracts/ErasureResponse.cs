namespace Platform.Api.Contracts;

/// <summary>The answer to <c>DELETE /v1/users/{userId}</c>: erased at once, or steps left that run again (and on the next DELETE).</summary>
public sealed record ErasureResponse(string UserId, string Status, string[] Remaining);
