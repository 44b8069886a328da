namespace Platform.Api.Contracts;

/// <summary>
/// The body of <c>POST /v1/events</c>, as the OpenAPI document describes it (the endpoint reads the body itself,
/// Validation/EventBatchParser, to name every bad field by its JSON path).
/// </summary>
/// <param name="Events">1 to 1,000 events; one that breaks a rule refuses the whole batch.</param>
public sealed record EventBatchRequest(EngagementEventRequest[] Events);
