namespace Platform.Api.Contracts;

/// <summary>A user's privacy settings, as <c>GET</c> and <c>PUT /v1/users/{userId}/settings</c> answer them.</summary>
public sealed record UserSettingsResponse(string UserId, bool Personalization);
