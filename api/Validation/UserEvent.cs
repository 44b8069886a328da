using Platform.GrainInterfaces;

namespace Platform.Api.Validation;

/// <summary>A validated event with the user it belongs to.</summary>
public readonly record struct UserEvent(string UserId, EngagementEvent Event);
