namespace Platform.Api.Contracts;

/// <summary>
/// The body of <c>POST /v1/videos</c>, as the OpenAPI document describes it. The endpoint reads the body itself
/// (Validation/VideoRegistrationParser) so that every bad field is named by its JSON path; this type is the schema.
/// </summary>
/// <param name="VideoId">The video's id: 1 to 64 characters from <c>[A-Za-z0-9_.:-]</c>.</param>
/// <param name="CreatorId">The creator's id, under the same rule.</param>
/// <param name="Title">Printable text of at most 200 characters.</param>
/// <param name="Tags">At most 16 tags of 1 to 32 characters.</param>
/// <param name="DurationMs">The video's length in milliseconds, 1 to 3,600,000.</param>
public sealed record VideoRegistrationRequest(string VideoId, string CreatorId, string Title, string[]? Tags, long DurationMs);
